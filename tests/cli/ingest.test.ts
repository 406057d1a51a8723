// npm run ingest as a person runs it.
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { ENGLISH_BODY, RUSSIAN_BODY } from '../helpers/seeds.js'

interface Run { code: number | null, stdout: string, stderr: string }

function ingest(args: string[], databaseUrl: string, env: Record<string, string> = { FETCH_ALLOW_PRIVATE: 'true' }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'ingest', '--', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

const jsonLines = (stdout: string) => stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>)

describe('npm run ingest', () => {
  let database: TestDatabase
  let server: Server
  let base: string
  let hits = 0

  beforeAll(async () => {
    database = await createTestDatabase()
    server = createServer((req, res) => {
      hits++
      return req.url === '/gone' ? res.writeHead(410, 'Gone').end() : res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve))
    await database.drop()
  })

  it('should print both seeds correct on every field with --dry-run --json, and store nothing', async () => {
    const run = await ingest(['--dry-run', '--json', 'seeds/000_f702c42390311232.txt', 'seeds/003_d88397f3bf14cc62.txt'], database.url)
    expect(run.code, run.stderr).toBe(0)
    const [english, russian] = jsonLines(run.stdout)
    expect(english).toEqual({
      input: 'seeds/000_f702c42390311232.txt',
      id: null,
      status: 'stored',
      reason: null,
      language: 'en',
      title: 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten',
      publishedAt: '2024-09-07',
      source: 'Zan News',
      topics: expect.arrayContaining(['kazakhstan', 'afghanistan', 'usa']),
      summary: { en: expect.stringMatching(/^Karen Decker, the U\.S\. Chargé d'Affaires for Afghanistan/), ru: null },
      teaser: { en: expect.any(String), ru: null },
      body: ENGLISH_BODY.join('\n\n'),
    })
    // sidebar headlines (women, media) and the footer tag nothing
    expect(english!.topics).not.toContain('women-rights')
    expect(english!.topics).not.toContain('media-press-freedom')
    expect(russian).toMatchObject({
      status: 'stored',
      language: 'ru',
      title: 'Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…',
      publishedAt: null,
      source: null,
      topics: expect.arrayContaining(['kazakhstan', 'afghanistan', 'taliban']),
      // the headline was made from the lead's first sentence: the summary goes on from there
      summary: { en: null, ru: expect.stringMatching(/^Это первый контакт высокого уровня казахстанского представителя/) },
      teaser: { en: null, ru: expect.any(String) },
      body: RUSSIAN_BODY.join('\n\n'),
    })
    expect(String((russian!.teaser as { ru: string }).ru).length).toBeLessThanOrEqual(140)
    expect(await database.repos.articles.count()).toBe(0)
  }, 60_000)

  it('should store what it can, explain each refusal and exit 1 when an input was rejected', async () => {
    const run = await ingest(['--json', 'seeds', 'tests/fixtures/pages/kk.txt', 'no/such/file.txt', `${base}/gone`, `${base}/file.pdf`], database.url)
    expect(run.code).toBe(1)
    const lines = jsonLines(run.stdout)
    expect(lines.map(l => [l.input, l.status])).toEqual([
      ['seeds/000_f702c42390311232.txt', 'stored'],
      ['seeds/003_d88397f3bf14cc62.txt', 'stored'],
      ['tests/fixtures/pages/kk.txt', 'rejected'],
      ['no/such/file.txt', 'rejected'],
      [`${base}/gone`, 'rejected'],
      [`${base}/file.pdf`, 'rejected'],
    ])
    expect(lines.slice(2).map(l => l.reason)).toEqual([
      'The article is in Kazakh; only English and Russian are supported',
      'no such file: no/such/file.txt',
      `could not fetch ${base}/gone: the server answered HTTP 410 Gone`,
      `could not fetch ${base}/file.pdf: unsupported content type (application/pdf)`,
    ])
    expect(lines[0]!.id).toEqual(expect.any(Number))
    expect(await database.repos.articles.count()).toBe(2)
  }, 60_000)

  it('should report duplicates with the existing id and exit 0 when nothing else went wrong', async () => {
    const run = await ingest(['seeds'], database.url)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/seeds\/000_f702c42390311232\.txt: duplicate: same text as article \d+/)
    expect(await database.repos.articles.count()).toBe(2)
  }, 60_000)

  it('should refuse links to local and private addresses unless FETCH_ALLOW_PRIVATE is on', async () => {
    const port = new URL(base).port
    const before = hits
    const run = await ingest(['--json', `${base}/gone`, `http://localhost:${port}/gone`, 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/'], database.url, {})
    expect(run.code).toBe(1)
    expect(jsonLines(run.stdout).map(l => l.reason)).toEqual([
      `could not fetch ${base}/gone: 127.0.0.1 is a local or private address: such links are not fetched`,
      expect.stringMatching(new RegExp(`^could not fetch http://localhost:${port}/gone: localhost resolves to (127\\.0\\.0\\.1|::1), a local or private address: such links are not fetched$`)),
      'could not fetch http://[::1]/: ::1 is a local or private address: such links are not fetched',
      'could not fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a local or private address: such links are not fetched',
    ])
    expect(hits).toBe(before)
  }, 60_000)

  it('should explain its usage when given no input', async () => {
    const run = await ingest([], database.url)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Usage: npm run ingest -- [--dry-run] [--json] <file|dir|url>...')
  })
})
