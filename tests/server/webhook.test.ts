// Webhook mode: npm start with WEBHOOK_URL serves updates over HTTP on PORT,
// checks Telegram's secret token, and registers itself with setWebhook.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '#root/db/embedded.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { FAKE_TOKEN, FakeBotApi, textMessage } from '../helpers/fake-bot-api.js'

const SECRET = 'webhook-secret-of-the-test'

describe('webhook mode', () => {
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

  it('should register the webhook, answer updates with the right secret, refuse others with 401, and report health', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: database.url, LOG_LEVEL: 'warn', WEBHOOK_URL: 'https://bot.example.org/', WEBHOOK_SECRET: SECRET, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>(resolve => child.on('close', resolve))
    try {
      const registered = await api.waitFor(() => api.calls.find(c => c.method === 'setWebhook' && c.status === 200), 30_000)
      expect(registered.payload).toEqual({ url: `https://bot.example.org/webhook/${api.botInfo.id}`, secret_token: SECRET })
      expect(api.calls.some(c => c.method === 'getUpdates')).toBe(false)
      const endpoint = `http://127.0.0.1:${port}/webhook/${api.botInfo.id}`
      const health = await eventually(() => fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: 'ok' })

      const post = (update: unknown, secret?: string) => fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(update),
      })
      expect((await post({ update_id: 1, ...textMessage('/start', { userId: 61 }) })).status).toBe(401)
      expect((await post({ update_id: 2, ...textMessage('/start', { userId: 62 }) }, 'wrong-secret-value')).status).toBe(401)
      expect((await post({ update_id: 3, ...textMessage('/start', { userId: 63, languageCode: 'ru' }) }, SECRET)).status).toBe(200)
      expect((await api.waitForMessage(63)).text).toMatch(/^Здравствуйте/)
      await new Promise(resolve => setTimeout(resolve, 200))
      expect(api.messagesTo(61)).toEqual([])
      expect(api.messagesTo(62)).toEqual([])
      expect(await database.repos.chats.find(61)).toBeNull()
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404)
    }
    finally {
      child.kill('SIGTERM')
    }
    expect(await exited, stderr).toBe(0)
  }, 60_000)
})
