// Webhook mode: npm start with WEBHOOK_URL serves updates over HTTP on PORT,
// checks Telegram's secret token, and registers itself with setWebhook.
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Bot } from 'grammy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '#root/bot/context.js'
import { createDatabase } from '#root/db/client.js'
import { freePort } from '#root/db/embedded.js'
import { createHealthRepository } from '#root/db/repositories/health-repository.js'
import { createLogger } from '#root/logger.js'
import { createHttpServer } from '#root/server/index.js'
import { packageVersion } from '#root/version.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { FAKE_TOKEN, FakeBotApi, textMessage } from '../helpers/fake-bot-api.js'

const SECRET = 'webhook-secret-of-the-test'

describe('webhook mode', () => {
  let database: TestDatabase
  let api: FakeBotApi

  let slow: Server
  let slowBase: string
  const ADMIN = 65

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true })
    api = await new FakeBotApi().start()
    slow = createServer((_, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Slow page</title></head><body><article><h1>Kazakhstan builds a slow road</h1>${'<p>Kazakhstan began building a new road from Almaty to the Chinese border on Monday, the transport ministry said, and expects to finish it within three years at a cost of two billion dollars.</p>'.repeat(3)}</article></body></html>`), 6000)
    })
    await new Promise<void>(resolve => slow.listen(0, '127.0.0.1', resolve))
    slowBase = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    slow.closeAllConnections()
    await new Promise(resolve => slow.close(resolve))
    await api.close()
    await database.drop()
  })

  it('should register the webhook, answer updates with the right secret, refuse others with 401, and report health', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: database.url, LOG_LEVEL: 'warn', ADMIN_IDS: String(ADMIN), FETCH_ALLOW_PRIVATE: 'true', WEBHOOK_URL: 'https://bot.example.org/', WEBHOOK_SECRET: SECRET, PORT: String(port) },
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
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok', version: packageVersion() })

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

      // Telegram sends an update again when our answer was lost: handled once
      expect((await post({ update_id: 4, ...textMessage('/help', { userId: 64 }) }, SECRET)).status).toBe(200)
      expect((await post({ update_id: 4, ...textMessage('/help', { userId: 64 }) }, SECRET)).status).toBe(200)
      await api.waitForMessage(64)
      await new Promise(resolve => setTimeout(resolve, 300))
      expect(api.messagesTo(64)).toHaveLength(1)

      // Prometheus metrics on the same port: what was handled, by kind and command
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
      expect(metrics).toContain('bot_updates_total{kind="message",command="start"} 1')
      expect(metrics).toContain('bot_updates_total{kind="message",command="help"} 1')
      expect(metrics).toMatch(/bot_update_duration_seconds_count\{kind="message"\} 2/)
      expect(metrics).toContain('outbox_depth 0')
      expect(metrics).toContain('process_resident_memory_bytes')

      // an admin's link to a page that takes 6 s: Telegram still gets its answer within a few seconds
      await post({ update_id: 5, ...textMessage('/post', { userId: ADMIN }) }, SECRET)
      await api.waitForMessage(ADMIN)
      const started = Date.now()
      const answered = await post({ update_id: 6, ...textMessage(`${slowBase}/article`, { userId: ADMIN }) }, SECRET)
      expect(answered.status).toBe(200)
      expect(Date.now() - started).toBeLessThan(4000)
      // and the update is still handled to its end
      expect((await api.waitForMessage(ADMIN, 3, 15_000)).text).toMatch(/Preview/)
    }
    finally {
      child.kill('SIGTERM')
    }
    expect(await exited, stderr).toBe(0)
  }, 60_000)

  it('should answer /health with 503 while the database does not answer', async () => {
    const gone = await createTestDatabase()
    const db = createDatabase(gone.url)
    const server = createHttpServer({
      logger: createLogger('silent', { pretty: false }),
      webhook: { bot: new Bot<Context>('123:unused-token-of-the-health-test-xxxxxxxxxx'), secretToken: SECRET, path: '/webhook/1' },
      pingDatabase: () => createHealthRepository(db).ping(),
      version: packageVersion(),
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`
    try {
      expect((await fetch(url)).status).toBe(200)
      await gone.drop()
      const down = await fetch(url)
      expect(down.status).toBe(503)
      expect(await down.json()).toEqual({ status: 'unavailable', database: 'down', version: packageVersion() })
    }
    finally {
      await db.$disconnect()
      await new Promise(resolve => server.close(resolve))
    }
  })
})
