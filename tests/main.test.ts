// The real entry point on Telegram's protocol: npm start with BOT_TOKEN and
// TELEGRAM_API_ROOT pointing at the fake Bot API, then SIGTERM.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from './helpers/database.js'
import { FAKE_TOKEN, FakeBotApi, textMessage } from './helpers/fake-bot-api.js'

describe('npm start with BOT_TOKEN (long polling)', () => {
  let database: TestDatabase
  let api: FakeBotApi

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true })
    api = await new FakeBotApi().start()
  })
  afterAll(async () => {
    await api.close()
    await database.drop()
  })

  it('should migrate, seed, answer /start over HTTP long polling and stop cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: database.url, LOG_LEVEL: 'warn', ADMIN_IDS: '4242' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>(resolve => child.on('close', resolve))
    try {
      await api.waitFor(() => api.calls.some(c => c.method === 'getUpdates'), 30_000)
      expect(api.calls.map(c => c.method).slice(0, 9)).toEqual(['getMe', ...Array<string>(6).fill('setMyCommands'), 'deleteWebhook', 'getUpdates'])
      // the command menu in English and Russian, group admins' with /here, and the bot admins' longer one in their chats
      const menus = api.calls.filter(c => c.method === 'setMyCommands').map(c => c.payload as { commands: Array<{ command: string, description: string }>, language_code?: string, scope?: unknown })
      expect(menus[0]!.commands.find(c => c.command === 'latest')?.description).toBe('The newest news: /latest [1-20]')
      expect(menus[1]).toMatchObject({ language_code: 'ru' })
      expect(menus[1]!.commands.find(c => c.command === 'latest')?.description).toBe('Свежие новости: /latest [1-20]')
      expect(menus[0]!.commands.map(c => c.command)).not.toContain('post')
      expect(menus[0]!.commands.map(c => c.command)).toEqual(expect.arrayContaining(['previews', 'silent']))
      expect(menus[2]).toMatchObject({ scope: { type: 'all_chat_administrators' } })
      expect(menus[3]).toMatchObject({ scope: { type: 'all_chat_administrators' }, language_code: 'ru' })
      expect(menus[3]!.commands.find(c => c.command === 'here')?.description).toBe('Форумы: отправлять тему в эту ветку')
      expect(menus[4]).toMatchObject({ scope: { type: 'chat', chat_id: 4242 } })
      expect(menus[4]!.commands.map(c => c.command)).toEqual(expect.arrayContaining(['post', 'cancel', 'delete', 'stats', 'addsource', 'sources', 'removesource', 'channel', 'channels']))
      api.pushUpdate(textMessage('/start', { userId: 777, languageCode: 'ru' }))
      expect((await api.waitForMessage(777, 1, 15_000)).text).toMatch(/^Здравствуйте, Test!/)
      expect(await database.repos.articles.count()).toBe(2)
    }
    finally {
      child.kill('SIGTERM')
    }
    expect(await exited, stderr).toBe(0)
  }, 60_000)
})

describe('start-up against an unreachable Bot API', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database.drop()
  })

  // exactly what the npm scripts run, minus npm itself
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts
  const argsOf = (script: string) => script.startsWith('tsx ') ? ['--import', 'tsx', ...script.split(' ').slice(1)] : script.split(' ').slice(1)

  for (const name of ['start', 'deliver']) {
    it(`npm ${name === 'start' ? 'start' : 'run deliver'} should exit non-zero at once with one clear line and no token in its log`, async () => {
      const child = spawn(process.execPath, argsOf(scripts[name]!), {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', DATABASE_URL: database.url, LOG_LEVEL: 'debug' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      const code = await new Promise<number | null>(resolve => child.on('close', resolve))
      expect(code, output).toBe(1)
      const fatal = output.split('\n').filter(line => line.includes('"level":60'))
      expect(fatal).toHaveLength(1)
      expect(fatal[0]).toContain('Start-up failed: Cannot reach the Telegram Bot API at http://127.0.0.1:9 (ECONNREFUSED)')
      expect(output).not.toContain(FAKE_TOKEN.split(':')[1])
    }, 30_000)
  }
})
