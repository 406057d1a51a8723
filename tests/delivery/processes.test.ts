// Exactly once across processes: `npm run deliver` killed with SIGKILL mid-push,
// two of them on one database, and two whole bots (npm start, webhook mode),
// with every message counted at the fake Bot API.
import { type ChildProcess, spawn } from 'node:child_process'
import { Api } from 'grammy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDependencies } from '#root/bot/deps.js'
import { freePort } from '#root/db/embedded.js'
import type { Dependencies } from '#root/bot/context.js'
import { createI18n } from '#root/bot/i18n.js'
import { parseConfig } from '#root/config.js'
import { createLimiter } from '#root/delivery/limits.js'
import { createSender } from '#root/delivery/sender.js'
import { createLogger } from '#root/logger.js'
import { createPageWorkers, type PageWorkers } from '#root/news/page-workers.js'
import { seedTopics } from '#root/news/seed.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { startDeliverProcess, startNodeProcess, stopProcess } from '../helpers/deliver-process.js'
import { eventually } from '../helpers/eventually.js'
import { busiestSecond, callbackQuery, FAKE_TOKEN, FakeBotApi, textMessage } from '../helpers/fake-bot-api.js'

const logger = createLogger('silent', { pretty: false })

describe('delivery across processes', () => {
  let database: TestDatabase
  let fake: FakeBotApi
  let pages: PageWorkers
  let deps: Dependencies
  let nextChat = 8000
  let kazakhstan: number

  const startSender = (env: Record<string, string> = {}) => startDeliverProcess({ DATABASE_URL: database.url, TELEGRAM_API_ROOT: fake.apiRoot, ...env })

  const halfADayAway = new Date(Date.now() + 12 * 3600_000).toISOString().slice(11, 16)

  async function subscribers(count: number): Promise<number[]> {
    const ids: number[] = []
    for (let i = 0; i < count; i++) {
      const id = ++nextChat
      // digest time half a day away: these chats get only the push (the processes plan digests too)
      await deps.repos.chats.register({ id, type: 'private', title: null, uiLanguage: 'en', timeZone: 'UTC', digestTime: halfADayAway })
      await deps.repos.chats.subscribe(id, kazakhstan)
      ids.push(id)
    }
    return ids
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    fake = await new FakeBotApi().start()
    pages = createPageWorkers()
    deps = await createDependencies(database.db, parseConfig({ DATABASE_URL: database.url }), logger, pages)
    kazakhstan = (await deps.repos.topics.list()).find(t => t.slug === 'kazakhstan')!.id
  })
  afterAll(async () => {
    await pages.close()
    await fake.close()
    await database.drop()
  })

  it('should refuse to start npm run deliver without BOT_TOKEN, saying what to set', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/deliver.ts'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: database.url }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await new Promise(resolve => child.once('close', resolve))).toBe(2)
    expect(stderr).toBe('npm run deliver sends through Telegram: set BOT_TOKEN (and DATABASE_URL to the bot\'s database)\n')
  })

  it('should give every recipient exactly one copy when the sender is killed with SIGKILL mid-push and another takes over', async () => {
    const chats = await subscribers(30)
    const [article] = await database.repos.articles.latest(2)
    // Telegram never answers the 15th chat's message: the sender dies waiting for it
    const stuck = chats[14]!
    fake.hanging.add(stuck)
    expect(await deps.repos.deliveries.planBreaking(article!.id, [kazakhstan])).toBe(30)
    const child = await startSender({ BROADCAST_RATE: '50' })
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

  it('should send each message once with two npm run deliver processes on one database and one Bot API', async () => {
    const chats = await subscribers(100)
    const [, article] = await database.repos.articles.latest(2)
    expect(await deps.repos.deliveries.planBreaking(article!.id, [kazakhstan])).toBe(100 + 30)
    const processes = await Promise.all([startSender(), startSender()])
    try {
      await eventually(async () => await database.db.delivery.count({ where: { articleId: article!.id, status: { not: 'sent' } } }) === 0, 30_000)
    }
    finally {
      expect(await Promise.all(processes.map(stopProcess))).toEqual([0, 0])
    }
    // nobody got the article twice or not at all
    for (const id of chats)
      expect(fake.messagesTo(id).filter(m => m.text.includes(article!.title.slice(0, 40)))).toHaveLength(1)
  }, 60_000)
})

// Several instances behind a load balancer: two `npm start` processes in webhook
// mode on one database and one Bot API. Both plan the same digests at start, the
// admin's /post goes through both, and their senders share the outbox and the
// overall rate.
describe('two bot processes on one database', () => {
  const SECRET = 'secret-of-the-two-instance-test'
  const ADMIN = 4242
  let database: TestDatabase
  let fake: FakeBotApi

  beforeAll(async () => {
    database = await createTestDatabase()
    fake = await new FakeBotApi().start()
  })
  afterAll(async () => {
    await fake.close()
    await database.drop()
  })

  /** `npm start` in webhook mode on `port`; resolves once it serves updates. */
  function startInstance(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
    return startNodeProcess(['--import', 'tsx', 'src/main.ts'], { TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: database.url, WEBHOOK_URL: 'https://bot.example.org/', WEBHOOK_SECRET: SECRET, PORT: String(port), ADMIN_IDS: String(ADMIN), ...env }, 'Webhook mode')
  }

  const localTime = (timeZone: string, at = new Date()) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)

  it('should give every subscriber exactly one digest and one push, at most 30 messages a second between them, with no duplicates and no gaps', async () => {
    // 60 subscribers whose digest time is this minute, in three time zones
    const zones = ['Asia/Almaty', 'Europe/Moscow', 'America/New_York']
    const chats: number[] = []
    const now = new Date()
    // topics only: the seed articles are imported by the instances themselves, both starting at once
    await seedTopics(database.repos)
    const kazakhstan = (await database.repos.topics.list()).find(t => t.slug === 'kazakhstan')!.id
    for (let i = 0; i < 60; i++) {
      const id = 20_001 + i
      const timeZone = zones[i % zones.length]!
      const digestTime = localTime(timeZone, now)
      await database.repos.chats.register({ id, type: 'private', title: null, uiLanguage: i % 2 === 0 ? 'en' : 'ru', timeZone, digestTime })
      await database.repos.chats.subscribe(id, kazakhstan)
      chats.push(id)
    }
    const ports = [await freePort(), await freePort()]
    const instances = await Promise.all(ports.map(port => startInstance(port)))
    const exits = instances.map(child => new Promise<number | null>(resolve => child.once('exit', resolve)))
    try {
      expect(fake.calls.filter(c => c.method === 'setWebhook' && c.status === 200)).toHaveLength(2)

      // the load balancer: updates go to one instance or the other, one at a time as Telegram sends them
      let updateId = 0
      const deliver = async (port: number, update: object) => {
        const response = await fetch(`http://127.0.0.1:${port}/webhook/${fake.botInfo.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify({ update_id: ++updateId, ...update }),
        })
        expect(response.status).toBe(200)
      }
      const adminMessages = () => fake.messagesTo(ADMIN)
      await deliver(ports[0]!, textMessage('/post', { userId: ADMIN }))
      await fake.waitFor(() => adminMessages().some(m => m.text.startsWith('Send me the article')))
      await deliver(ports[1]!, textMessage(PUSHED.join('\n\n'), { userId: ADMIN }))
      const preview = await fake.waitFor(() => adminMessages().find(m => m.text.includes('Preview')))
      await deliver(ports[0]!, callbackQuery('post:push', { userId: ADMIN, messageId: preview.messageId }))
      const queued = await fake.waitFor(() => adminMessages().find(m => m.text.startsWith('Published as')))
      expect(queued.text).toMatch(/^Published as #\d+ and queued for 60 subscribed chats\.$/)

      // everything sent: the outbox is empty and each chat has its two messages
      await eventually(async () => await database.db.delivery.count({ where: { status: { in: ['pending', 'sending'] } } }) === 0
        && chats.every(id => fake.messagesTo(id).length >= 2), 40_000)
      // time for a late duplicate to show
      await new Promise(resolve => setTimeout(resolve, 1500))
    }
    finally {
      for (const child of instances)
        child.kill('SIGTERM')
    }
    expect(await Promise.all(exits)).toEqual([0, 0])

    const digests = (id: number) => fake.messagesTo(id).filter(m => /^(Your news digest|Ваш дайджест новостей)/.test(m.text))
    const pushes = (id: number) => fake.messagesTo(id).filter(m => /^(Breaking news|Срочная новость)/.test(m.text))
    expect(chats.map(id => digests(id).length)).toEqual(chats.map(() => 1))
    expect(chats.map(id => pushes(id).length)).toEqual(chats.map(() => 1))
    expect(chats.map(id => fake.messagesTo(id).length)).toEqual(chats.map(() => 2))
    // the digests hold the seed items, the pushes the admin's article
    expect(chats.every(id => digests(id)[0]!.text.includes('Karen Decker'))).toBe(true)
    expect(chats.every(id => pushes(id)[0]!.text.includes('solar power plant') || pushes(id)[0]!.text.includes('солнечн'))).toBe(true)
    expect(await database.db.delivery.count({ where: { chatId: { in: chats.map(BigInt) }, status: 'sent' } })).toBe(120)
    // both instances planned at start, yet one row per chat and period
    expect(await database.db.delivery.count({ where: { kind: 'digest' } })).toBe(60)
    // together within Telegram's 30 a second: the two run 29.4 a second between them
    // (2% under), so at most 30 broadcast messages in any second, plus one for the
    // fake's own timing (it stamps a message when its handler runs in this busy
    // test process); without the shared clock this is about 59
    expect(busiestSecond(chats.flatMap(id => [...digests(id), ...pushes(id)]))).toBeLessThanOrEqual(31)
  }, 120_000)

  it('should leave digests to npm run deliver when the bot runs with DELIVERY=off', async () => {
    await seedTopics(database.repos)
    const kazakhstan = (await database.repos.topics.list()).find(t => t.slug === 'kazakhstan')!.id
    const id = 30_001
    await database.repos.chats.register({ id, type: 'private', title: null, uiLanguage: 'en', timeZone: 'Asia/Almaty', digestTime: localTime('Asia/Almaty') })
    await database.repos.chats.subscribe(id, kazakhstan)

    const port = await freePort()
    const bot = await startInstance(port, { DELIVERY: 'off' })
    const botExit = new Promise<number | null>(resolve => bot.once('exit', resolve))
    let deliverer: ChildProcess | undefined
    try {
      expect((await fetch(`http://127.0.0.1:${port}/health`)).ok).toBe(true)
      // the bot answers updates, but plans and sends nothing
      await new Promise(resolve => setTimeout(resolve, 2000))
      expect(fake.messagesTo(id)).toHaveLength(0)
      expect(await database.db.delivery.count({ where: { chatId: BigInt(id) } })).toBe(0)

      deliverer = await startDeliverProcess({ DATABASE_URL: database.url, TELEGRAM_API_ROOT: fake.apiRoot })
      const digest = await fake.waitForMessage(id, 1, 20_000)
      expect(digest.text).toMatch(/^Your news digest/)
      expect(digest.text).toContain('Karen Decker')
      expect(await stopProcess(deliverer)).toBe(0)
    }
    finally {
      deliverer?.kill('SIGTERM')
      bot.kill('SIGTERM')
    }
    expect(await botExit).toBe(0)
    expect(fake.messagesTo(id)).toHaveLength(1)
  }, 60_000)
})

const PUSHED = [
  'Kazakhstan opens its largest wind farm on the Caspian coast',
  'Kazakhstan opened its largest wind farm on the Caspian coast near Aktau on Thursday, the energy ministry said, adding two hundred megawatts to the western grid.',
  'The farm was built in two years by Kazakh and European companies, and a solar power plant of the same size is planned next to it.',
  'Officials said the country plans to produce fifteen percent of its electricity from renewable sources by 2030.',
]
