// `printf ... | npm start` on a machine with no configuration at all.
import { spawn } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ENGLISH_TITLE = 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten'
const RUSSIAN_TITLE = 'Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…'

interface Run { code: number | null, stdout: string, stderr: string }

function npmStart(input: string, dataDir: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // no configuration: only what npm itself needs, and a data directory of this test's own
    const child = spawn('npm', ['start'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, ...extraEnv }, stdio: 'pipe' })
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
