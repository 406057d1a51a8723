import { Api } from 'grammy'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from '#root/bot/i18n.js'
import { createLimiter } from '#root/delivery/limits.js'
import { createDigestPlanner } from '#root/delivery/planner.js'
import { startScheduler } from '#root/delivery/scheduler.js'
import { createSender, type Sender } from '#root/delivery/sender.js'
import { localDay } from '#root/digest/schedule.js'
import { createLogger } from '#root/logger.js'
import { parseConfig } from '#root/config.js'
import { createDependencies } from '#root/bot/deps.js'
import type { Dependencies } from '#root/bot/context.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createDatabase } from '#root/db/client.js'
import { createPageWorkers, type PageWorkers } from '#root/news/page-workers.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { busiestSecond, FAKE_TOKEN, FakeBotApi } from '../helpers/fake-bot-api.js'

const ENGLISH_TITLE = 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten'
const RUSSIAN_TITLE = 'Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…'
const logger = createLogger('silent', { pretty: false })

function hhmm(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)
}

describe('scheduled digests and breaking pushes', () => {
  let database: TestDatabase
  let fake: FakeBotApi
  let pages: PageWorkers
  let deps: Dependencies
  let topicId: (slug: string) => number
  let nextChat = 7000
  const limits = { perSecond: 1000, perChatMs: 0, perGroupMinute: 1000 }

  const sender = (repos = deps.repos) => createSender({ api: new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot }), repos, topics: deps.topics, i18n: createI18n(), logger, limiter: createLimiter(limits) })
  const planner = () => createDigestPlanner({ repos: deps.repos, logger, catchUpHours: 6 })

  async function chat(options: { topics: string[], timeZone?: string, time?: string, language?: 'en' | 'ru', digestLanguage?: 'en' | 'ru' | 'both' }) {
    const id = ++nextChat
    const timeZone = options.timeZone ?? 'Asia/Almaty'
    await deps.repos.chats.register({ id, type: 'private', title: null, uiLanguage: options.language ?? 'en', timeZone, digestTime: options.time ?? '09:00' })
    if (options.digestLanguage)
      await deps.repos.chats.update(id, { digestLanguage: options.digestLanguage })
    for (const slug of options.topics)
      await deps.repos.chats.subscribe(id, topicId(slug))
    return id
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    fake = await new FakeBotApi().start()
    pages = createPageWorkers()
    deps = await createDependencies(database.db, parseConfig({ DATABASE_URL: database.url }), logger, pages)
    const all = await deps.repos.topics.list()
    topicId = slug => all.find(t => t.slug === slug)!.id
  })
  afterAll(async () => {
    await pages.close()
    await fake.close()
    await database.drop()
  })
  beforeEach(async () => {
    // chats of earlier tests are out of the way
    await database.db.chat.updateMany({ data: { state: 'paused' } })
  })

  it('should send a chat subscribed to kazakhstan exactly one digest with the seed items when its time comes', async () => {
    const now = new Date()
    const id = await chat({ topics: ['kazakhstan'], time: hhmm(now, 'Asia/Almaty'), digestLanguage: 'both' })
    expect(await planner().tick(now)).toEqual({ queued: 1, skipped: 0 })
    expect(await planner().tick(new Date(now.getTime() + 60_000))).toEqual({ queued: 0, skipped: 0 })
    expect(await sender().runOnce()).toBe(1)
    expect(await sender().runOnce()).toBe(0)
    const messages = fake.messagesTo(id)
    expect(messages).toHaveLength(1)
    expect(messages[0]!.text).toMatch(/^Your news digest/)
    expect(messages[0]!.text).toContain(ENGLISH_TITLE)
    expect(messages[0]!.text).toContain(RUSSIAN_TITLE)
    expect(messages[0]!.text.indexOf(RUSSIAN_TITLE)).toBeLessThan(messages[0]!.text.indexOf(ENGLISH_TITLE))
    const row = await database.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(id) } })
    expect(row).toMatchObject({ kind: 'digest', status: 'sent', periodKey: localDay(now, 'Asia/Almaty'), partsSent: 1 })
    expect((await database.repos.chats.find(id))?.lastDigestPeriod).toBe(localDay(now, 'Asia/Almaty'))
  })

  it('should catch up a digest missed less than 6 hours ago, skip an older one, and send nothing when nothing is new', async () => {
    const now = new Date()
    const missed = await chat({ topics: ['taliban'], timeZone: 'Europe/Moscow', time: hhmm(new Date(now.getTime() - 2 * 3_600_000), 'Europe/Moscow') })
    const old = await chat({ topics: ['taliban'], timeZone: 'Europe/Moscow', time: hhmm(new Date(now.getTime() - 7 * 3_600_000), 'Europe/Moscow') })
    const quiet = await chat({ topics: ['energy'], time: hhmm(now, 'Asia/Almaty') })
    const result = await planner().tick(now)
    // the 7-hour-late one is skipped only if its local day has not rolled over; either way it is not queued
    expect(result.queued).toBe(1)
    await sender().runOnce()
    expect(fake.messagesTo(missed)).toHaveLength(1)
    expect(fake.messagesTo(old)).toHaveLength(0)
    expect(fake.messagesTo(quiet)).toHaveLength(0)
    expect(await database.db.delivery.findFirst({ where: { chatId: BigInt(quiet) } })).toMatchObject({ status: 'skipped', articleIds: [] })
  })

  it('should plan every due chat when it reads them a page at a time, and none twice', async () => {
    const now = new Date()
    const due = []
    for (let i = 0; i < 5; i++)
      due.push(await chat({ topics: ['kazakhstan'], timeZone: 'Europe/Moscow', time: hhmm(now, 'Europe/Moscow') }))
    const paged = createDigestPlanner({ repos: deps.repos, logger, catchUpHours: 6, pageSize: 2 })
    expect(await paged.tick(now)).toEqual({ queued: 5, skipped: 0 })
    expect(await paged.tick(now)).toEqual({ queued: 0, skipped: 0 })
    expect(await database.db.delivery.count({ where: { chatId: { in: due.map(BigInt) }, kind: 'digest' } })).toBe(5)
  })

  it('should wait out a 429 for one chat without holding back the others', async () => {
    const now = new Date()
    const slow = await chat({ topics: ['kazakhstan'], time: hhmm(now, 'Asia/Almaty') })
    const others = [await chat({ topics: ['kazakhstan'], time: hhmm(now, 'Asia/Almaty') }), await chat({ topics: ['afghanistan'], time: hhmm(now, 'Asia/Almaty') })]
    fake.failFor(slow, { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 })
    await planner().tick(now)
    const one = sender()
    await one.runOnce()
    expect(fake.messagesTo(slow)).toHaveLength(0)
    for (const id of others)
      expect(fake.messagesTo(id)).toHaveLength(1)
    const row = await database.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(slow) } })
    expect(row).toMatchObject({ status: 'pending', lastError: 'Too Many Requests: retry after 1' })
    expect(row.dueAt.getTime()).toBeGreaterThan(Date.now())
    await one.runOnce()
    expect(fake.messagesTo(slow)).toHaveLength(0)
    await new Promise(resolve => setTimeout(resolve, 1100))
    await one.runOnce()
    expect(fake.messagesTo(slow)).toHaveLength(1)
  })

  it('should mark a chat that blocked the bot as blocked, keep its settings and stop trying', async () => {
    const now = new Date()
    const blocked = await chat({ topics: ['kazakhstan'], time: hhmm(now, 'Asia/Almaty') })
    fake.blocked.add(blocked)
    await planner().tick(now)
    await sender().runOnce()
    expect(await database.repos.chats.find(blocked)).toMatchObject({ state: 'blocked', timeZone: 'Asia/Almaty' })
    expect(await database.repos.chats.subscriptions(blocked)).toEqual([topicId('kazakhstan')])
    expect(await database.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(blocked) } })).toMatchObject({ status: 'failed', lastError: 'Forbidden: bot was blocked by the user' })
    const sendsBefore = fake.calls.filter(c => c.method === 'sendMessage' && Number(c.payload.chat_id) === blocked).length
    expect(await deps.repos.deliveries.planBreaking((await database.repos.articles.latest(1))[0]!.id, [topicId('kazakhstan')])).toBe(0)
    await sender().runOnce()
    expect(fake.calls.filter(c => c.method === 'sendMessage' && Number(c.payload.chat_id) === blocked)).toHaveLength(sendsBefore)
  })

  it('should retry a server error with backoff and give up after the limit', async () => {
    const now = new Date()
    const id = await chat({ topics: ['kazakhstan'], time: hhmm(now, 'Asia/Almaty') })
    fake.failFor(id, { status: 502, description: 'Bad Gateway' }, 1)
    await planner().tick(now)
    await sender().runOnce()
    expect(await database.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(id) } })).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Bad Gateway' })
    await database.db.delivery.updateMany({ where: { chatId: BigInt(id) }, data: { dueAt: new Date() } })
    await sender().runOnce()
    expect(fake.messagesTo(id)).toHaveLength(1)
  })

  it('should push a breaking item once to every active subscriber of its topics', async () => {
    const [article] = await database.repos.articles.latest(1)
    const subscribers = [await chat({ topics: ['kazakhstan'] }), await chat({ topics: ['afghanistan', 'kazakhstan'], language: 'ru' })]
    const outsider = await chat({ topics: ['energy'] })
    const topicIds = [topicId('kazakhstan'), topicId('afghanistan')]
    expect(await deps.repos.deliveries.planBreaking(article!.id, topicIds)).toBe(2)
    expect(await deps.repos.deliveries.planBreaking(article!.id, topicIds)).toBe(0)
    await sender().runOnce()
    expect(fake.messagesTo(subscribers[0]!)[0]!.text).toMatch(/^Breaking news/)
    expect(fake.messagesTo(subscribers[1]!)[0]!.text).toMatch(/^Срочная новость/)
    expect(subscribers.map(id => fake.messagesTo(id).length)).toEqual([1, 1])
    expect(fake.messagesTo(outsider)).toHaveLength(0)
  })

  it('should send each row once when two senders on two connections work the same outbox', async () => {
    const [article] = await database.repos.articles.latest(1)
    const ids: number[] = []
    for (let i = 0; i < 40; i++)
      ids.push(await chat({ topics: ['kazakhstan'] }))
    expect(await deps.repos.deliveries.planBreaking(article!.id, [topicId('kazakhstan')])).toBe(40)
    const other = createDatabase(database.url)
    try {
      const senders: Sender[] = [sender(), sender(createRepositories(other, { cacheMs: 0 }))]
      await Promise.all(senders.map(async (s) => {
        while (await s.runOnce() > 0) { /* until the outbox is empty */ }
      }))
    }
    finally {
      await other.$disconnect()
    }
    expect(ids.map(id => fake.messagesTo(id).length)).toEqual(ids.map(() => 1))
  })

  it('should keep two senders together within one overall rate through the shared clock', async () => {
    const [article] = await database.repos.articles.latest(1)
    const ids: number[] = []
    for (let i = 0; i < 40; i++)
      ids.push(await chat({ topics: ['kazakhstan'] }))
    expect(await deps.repos.deliveries.planBreaking(article!.id, [topicId('kazakhstan')])).toBe(40)
    const before = fake.messages.length
    const other = createDatabase(database.url)
    try {
      const shared = (repos = deps.repos) => createSender({ api: new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot }), repos, topics: deps.topics, i18n: createI18n(), logger, limiter: createLimiter({ perSecond: 20, perChatMs: 1000, perGroupMinute: 20 }, { slots: (count, ms) => repos.deliveries.reserveSlots(count, ms) }) })
      const started = performance.now()
      await Promise.all([shared(), shared(createRepositories(other, { cacheMs: 0 }))].map(async (s) => {
        while (await s.runOnce() > 0) { /* until the outbox is empty */ }
      }))
      // 40 messages at 20 a second between them take about two seconds, not one
      expect(performance.now() - started).toBeGreaterThan(1800)
    }
    finally {
      await other.$disconnect()
    }
    // 19.6 a second between them: at most 20 in any second, plus one for the fake's
    // own timing in this busy process; each on its own would make it about 40
    expect(busiestSecond(fake.messages.slice(before))).toBeLessThanOrEqual(21)
    expect(ids.map(id => fake.messagesTo(id).length)).toEqual(ids.map(() => 1))
  })
})

describe('createLimiter', () => {
  it('should space messages to one chat and overall, and honour a pause', async () => {
    let clock = 0
    const waits: number[] = []
    const limiter = createLimiter({ perSecond: 10, perChatMs: 1000, perGroupMinute: 20 }, { now: () => clock, sleep: (ms) => {
      waits.push(ms)
      clock += ms
      return Promise.resolve()
    } })
    await limiter.acquire(1n)
    await limiter.acquire(2n)
    // 10 a second, less the 2% margin
    expect(clock).toBeCloseTo(1000 / 9.8)
    await limiter.acquire(1n)
    expect(clock).toBe(1000)
    limiter.pause(3n, 5000)
    await limiter.acquire(3n)
    expect(clock).toBe(6000)
    expect(waits.every(w => w > 0)).toBe(true)
  })

  it('should allow a group 20 messages a minute', async () => {
    let clock = 0
    const limiter = createLimiter({ perSecond: 1000, perChatMs: 0, perGroupMinute: 20 }, { now: () => clock, sleep: (ms) => {
      clock += ms
      return Promise.resolve()
    } })
    for (let i = 0; i < 21; i++)
      await limiter.acquire(-100n)
    expect(clock).toBeGreaterThanOrEqual(60_000)
  })

  it('should take a new slot when it wakes too late, rather than send two messages back to back', async () => {
    let clock = 0
    let slowSleeps = 1
    const limiter = createLimiter({ perSecond: 10, perChatMs: 0, perGroupMinute: 20 }, { now: () => clock, sleep: (ms) => {
      // the event loop is busy: the first wake-up comes 50 ms late
      clock += ms + (slowSleeps-- > 0 ? 50 : 0)
      return Promise.resolve()
    } })
    const interval = 1000 / 9.8
    await limiter.acquire(1n)
    expect(clock).toBe(0)
    await limiter.acquire(2n)
    // woke at 152 instead of 102: that slot is given up for the next one
    expect(clock).toBeCloseTo(2 * interval)
    // always late: after a few tries it sends anyway
    slowSleeps = Number.POSITIVE_INFINITY
    const before = clock
    await limiter.acquire(3n)
    expect(clock).toBeGreaterThan(before + 3 * interval)
  })

  it('should forget chats whose slots have passed, but not a chat still paused', async () => {
    let clock = 0
    const limiter = createLimiter({ perSecond: 1000, perChatMs: 1000, perGroupMinute: 20 }, { now: () => clock, sleep: (ms) => {
      clock += ms
      return Promise.resolve()
    } })
    for (let id = 1n; id <= 1000n; id++)
      await limiter.acquire(id)
    await limiter.acquire(-100n)
    limiter.pause(7n, 120_000)
    expect(limiter.tracked).toBe(1002) // the group counts in both maps
    clock = 70_000
    await limiter.acquire(5n)
    // the paused chat and the one just sent to are all that is left
    expect(limiter.tracked).toBe(2)
    await limiter.acquire(7n)
    expect(clock).toBeGreaterThanOrEqual(120_000)
  })
})

describe('the scheduler', () => {
  it('should plan at start and deliver through node-cron\'s minute ticks without further help', async () => {
    const database = await createTestDatabase()
    const fake = await new FakeBotApi().start()
    const pages = createPageWorkers()
    try {
      const deps = await createDependencies(database.db, parseConfig({ DATABASE_URL: database.url }), logger, pages)
      const id = 99_001
      await deps.repos.chats.register({ id, type: 'private', title: null, uiLanguage: 'ru', timeZone: 'America/New_York', digestTime: hhmm(new Date(), 'America/New_York') })
      await deps.repos.chats.subscribe(id, (await deps.repos.topics.list()).find(t => t.slug === 'kazakhstan')!.id)
      const scheduler = startScheduler({
        planner: createDigestPlanner({ repos: deps.repos, logger, catchUpHours: 6 }),
        sender: createSender({ api: new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot }), repos: deps.repos, topics: deps.topics, i18n: createI18n(), logger, limiter: createLimiter({ perSecond: 30, perChatMs: 1000, perGroupMinute: 20 }), idleMs: 100 }),
        logger,
      })
      try {
        const digest = await fake.waitForMessage(id)
        expect(digest.text).toMatch(/^Ваш дайджест новостей/)
        await scheduler.tick()
        await new Promise(resolve => setTimeout(resolve, 300))
        expect(fake.messagesTo(id)).toHaveLength(1)
      }
      finally {
        await scheduler.stop()
      }
    }
    finally {
      await pages.close()
      await fake.close()
      await database.drop()
    }
  })
})
