// Exactly once across processes: a sender killed with SIGKILL mid-push, and two
// senders on one database, with every message counted at the fake Bot API.
import { type ChildProcess, spawn } from 'node:child_process'
import { Api } from 'grammy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDependencies } from '#root/bot/deps.js'
import type { Dependencies } from '#root/bot/context.js'
import { createI18n } from '#root/bot/i18n.js'
import { parseConfig } from '#root/config.js'
import { createLimiter } from '#root/delivery/limits.js'
import { createSender } from '#root/delivery/sender.js'
import { createLogger } from '#root/logger.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { FAKE_TOKEN, FakeBotApi } from '../helpers/fake-bot-api.js'

const logger = createLogger('silent', false)

describe('delivery across processes', () => {
  let database: TestDatabase
  let fake: FakeBotApi
  let deps: Dependencies
  let nextChat = 8000
  let kazakhstan: number

  function startSender(extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/sender-child.ts'], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: database.url, BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ...extraEnv },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      child.stdout.once('data', () => resolve(child))
      child.once('error', reject)
    })
  }

  async function subscribers(count: number): Promise<number[]> {
    const ids: number[] = []
    for (let i = 0; i < count; i++) {
      const id = ++nextChat
      await deps.repos.chats.register({ id, type: 'private', title: null, uiLanguage: 'en', timeZone: 'UTC', digestTime: '09:00' })
      await deps.repos.chats.subscribe(id, kazakhstan)
      ids.push(id)
    }
    return ids
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    fake = await new FakeBotApi().start()
    deps = await createDependencies(database.db, parseConfig({ DATABASE_URL: database.url }), logger)
    kazakhstan = (await deps.repos.topics.list()).find(t => t.slug === 'kazakhstan')!.id
  })
  afterAll(async () => {
    await fake.close()
    await database.drop()
  })

  it('should give every recipient exactly one copy when the sender is killed with SIGKILL mid-push and another takes over', async () => {
    const chats = await subscribers(30)
    const [article] = await database.repos.articles.latest(2)
    // Telegram never answers the 15th chat's message: the sender dies waiting for it
    const stuck = chats[14]!
    fake.hanging.add(stuck)
    expect(await deps.repos.deliveries.planBreaking(article!.id, [kazakhstan])).toBe(30)
    const child = await startSender({ RATE: '50', LEASE_MS: '60000' })
    await fake.waitFor(() => fake.calls.some(c => c.method === 'sendMessage' && Number(c.payload.chat_id) === stuck), 20_000)
    const exited = new Promise(resolve => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    const before = fake.messages.length
    expect(before).toBeGreaterThan(0)
    expect(before).toBeLessThan(30)
    fake.hanging.delete(stuck)

    // a new process: rows the dead one had claimed are taken over once their lease ends
    const sender = createSender({ api: new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot }), repos: deps.repos, topics: deps.topics, i18n: createI18n(), logger, limiter: createLimiter({ perSecond: 1000, perChatMs: 0, perGroupMinute: 1000 }), leaseMs: 300 })
    await new Promise(resolve => setTimeout(resolve, 400))
    while (await sender.runOnce() > 0) { /* until the outbox is empty */ }
    expect(chats.map(id => fake.messagesTo(id).length)).toEqual(chats.map(() => 1))
    expect(await database.db.delivery.count({ where: { articleId: article!.id, status: 'sent' } })).toBe(30)
  }, 60_000)

  it('should send each message once with two sender processes on one database and one Bot API', async () => {
    const chats = await subscribers(100)
    const [, article] = await database.repos.articles.latest(2)
    expect(await deps.repos.deliveries.planBreaking(article!.id, [kazakhstan])).toBe(100 + 30)
    const processes = await Promise.all([startSender(), startSender()])
    try {
      await eventually(async () => await database.db.delivery.count({ where: { articleId: article!.id, status: { not: 'sent' } } }) === 0, 30_000)
    }
    finally {
      await Promise.all(processes.map((child) => {
        const exited = new Promise(resolve => child.once('exit', resolve))
        child.kill('SIGTERM')
        return exited
      }))
    }
    // nobody got the article twice or not at all
    for (const id of chats)
      expect(fake.messagesTo(id).filter(m => m.text.includes(article!.title.slice(0, 40)))).toHaveLength(1)
  }, 60_000)
})
