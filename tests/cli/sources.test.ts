// npm run sources as a person runs it.
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { opmlFeeds } from '#root/sources/opml.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { FeedServer } from '../helpers/feed-server.js'
import { atom, escapeXml, jsonFeed, rss2 } from '../helpers/feeds.js'

interface Run { code: number | null, stdout: string, stderr: string }

function sources(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'sources', '--', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', FETCH_ALLOW_PRIVATE: 'true' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

describe('npm run sources', () => {
  let first: TestDatabase
  let second: TestDatabase
  let server: FeedServer
  let dir: string

  beforeAll(async () => {
    ;[first, second] = await Promise.all([createTestDatabase(), createTestDatabase()])
    server = await new FeedServer().start()
    server.set('/a.xml', { body: rss2({ title: 'Alpha & Omega News', link: server.url('/a') }, []), contentType: 'application/rss+xml' })
    server.set('/b.atom', { body: atom({ title: 'Бета Новости', link: server.url('/b') }, []), contentType: 'application/atom+xml' })
    server.set('/c.json', { body: jsonFeed({ title: 'Gamma JSON', link: server.url('/c') }, []), contentType: 'application/feed+json' })
    dir = await mkdtemp(join(tmpdir(), 'sources-cli-'))
  })
  afterAll(async () => {
    await server.close()
    await Promise.all([first.drop(), second.drop()])
    await rm(dir, { recursive: true, force: true })
  })

  it('should add feeds, say why one cannot be added, list and remove them', async () => {
    const added = await sources(['add', server.url('/a.xml'), server.url('/b.atom'), server.url('/missing'), 'not a url'], first.url)
    expect(added.code, added.stderr).toBe(1)
    expect(added.stdout.trim().split('\n')).toEqual([
      `${server.url('/a.xml')}: added as #1 Alpha & Omega News (0 items in the feed)`,
      `${server.url('/b.atom')}: added as #2 Бета Новости (0 items in the feed)`,
      `${server.url('/missing')}: skipped: the server answered HTTP 404 Not Found`,
      'not a url: skipped: that is not a web address (http:// or https://)',
    ])

    const listed = await sources(['list'], first.url)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain(`#1\tactive\tAlpha & Omega News\n\t${server.url('/a.xml')}\n\tlast success: never; 0 articles stored, 0 refused`)
    expect(listed.stdout).toContain(`#2\tactive\tБета Новости`)

    expect((await sources(['remove', '2'], first.url)).stdout.trim()).toBe('#2 Бета Новости: removed (no longer polled; its articles stay)')
    const missing = await sources(['remove', '99'], first.url)
    expect([missing.code, missing.stdout.trim()]).toEqual([1, 'There is no source 99.'])
    expect((await sources(['remove'], first.url)).code).toBe(2)
  }, 120_000)

  it('should export valid OPML 2.0 with titles and import it elsewhere, skipping what is there and saying why', async () => {
    await sources(['add', server.url('/c.json')], first.url)
    const exported = await sources(['export'], first.url)
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<opml version="2.0">/)
    expect(opmlFeeds(exported.stdout).feeds).toEqual([
      { url: server.url('/a.xml'), title: 'Alpha & Omega News' },
      { url: server.url('/c.json'), title: 'Gamma JSON' },
    ])
    const file = join(dir, 'export.opml')
    await writeFile(file, exported.stdout)
    const imported = await sources(['import', file], second.url)
    expect(imported.stdout.trim().split('\n').at(-1)).toBe('2 added, 0 skipped')
    expect((await second.repos.sources.list()).map(s => [s.title, s.feedUrl])).toEqual([['Alpha & Omega News', server.url('/a.xml')], ['Gamma JSON', server.url('/c.json')]])
    // the round trip gives the same document back (but for its date)
    const back = await sources(['export'], second.url)
    expect(back.stdout.replace(/<dateCreated>.*<\/dateCreated>/, '')).toBe(exported.stdout.replace(/<dateCreated>.*<\/dateCreated>/, ''))

    const reader = `<?xml version="1.0"?><opml version="2.0"><head><title>My reader</title></head><body>
      <outline text="News"><outline text="Alpha" type="rss" xmlUrl="${escapeXml(server.url('/a.xml'))}"/>
        <outline text="Beta" type="rss" xmlUrl="${escapeXml(server.url('/b.atom'))}"/></outline>
      <outline text="Broken" type="rss" xmlUrl="${escapeXml(server.url('/missing'))}"/>
      <outline text="Just a note"/></body></opml>`
    await writeFile(file, reader)
    const merged = await sources(['import', file], second.url)
    expect(merged.code).toBe(0)
    expect(merged.stdout.trim().split('\n')).toEqual([
      `${server.url('/a.xml')} (Alpha): skipped: this feed is already followed as source #1 (Alpha & Omega News)`,
      `${server.url('/b.atom')} (Beta): added as #3 Бета Новости (0 items in the feed)`,
      `${server.url('/missing')} (Broken): skipped: the server answered HTTP 404 Not Found`,
      'Just a note: skipped: the outline has no xmlUrl',
      '1 added, 3 skipped',
    ])
    await writeFile(file, 'this is not xml')
    const bad = await sources(['import', file], second.url)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/not an OPML document/)
  }, 120_000)
})
