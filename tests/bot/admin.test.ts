import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Api } from 'grammy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLimiter } from '#root/delivery/limits.js'
import { createSender } from '#root/delivery/sender.js'
import { ADMIN_ID, type RunningBot, startTestBot } from '../helpers/bot.js'
import { buttons, TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { FAKE_TOKEN, FakeBotApi } from '../helpers/fake-bot-api.js'
import { ENGLISH_SEED } from '../helpers/seeds.js'

const PUSH_ARTICLE = [
  'Kazakhstan opens its largest solar power plant near Turkestan',
  'Kazakhstan opened its largest solar power plant near the city of Turkestan on Friday, the energy ministry said, adding three hundred megawatts to the southern grid.',
  'The plant was built in eighteen months by a consortium of Kazakh and foreign companies and will supply electricity to about two hundred thousand homes.',
  'Officials said that the country plans to produce fifteen percent of its electricity from renewable sources by 2030, up from about six percent today.',
].join('\n\n')
const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8')

describe('admin commands', () => {
  let database: TestDatabase
  let api: FakeBotApi
  let running: RunningBot
  let server: Server
  let base: string

  beforeAll(async () => {
    database = await createTestDatabase()
    api = await new FakeBotApi().start()
    running = await startTestBot(database, { api, rateLimit: false, env: { FETCH_ALLOW_PRIVATE: 'true' } })
    server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('article.html')))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await running.stop()
    await api.close()
    await new Promise(resolve => server.close(resolve))
    await database.drop()
  })

  it('should refuse /post, /delete, /stats and /cancel to anyone else, changing nothing', async () => {
    const stranger = new TestChat(api, 4001)
    for (const command of ['/post', '/delete 1', '/stats', '/cancel'])
      expect(await stranger.ask(command)).toBe('Sorry, only the bot\'s admins can do that.')
    expect(await database.repos.articles.countLive()).toBe(2)
    expect(await new TestChat(api, 4002, 'ru').ask('/post')).toBe('Простите, это могут только администраторы бота.')
  })

  it('should soft-delete an article with /delete, audited, and hide it everywhere', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    const [latest] = await database.repos.articles.latest(1)
    expect(await admin.ask(`/delete ${latest!.id}`)).toBe(`Article #${latest!.id} is deleted: it no longer appears anywhere.`)
    expect(await admin.ask(`/delete ${latest!.id}`)).toBe(`There is no article #${latest!.id}, or it is already deleted.`)
    expect(await admin.ask('/delete abc')).toBe('Give the article\'s id, e.g. /delete 12.')
    expect(await admin.ask('/latest')).not.toContain(latest!.title)
    expect(await database.repos.audit.list(latest!.id)).toMatchObject([{ action: 'delete', actorId: BigInt(ADMIN_ID) }])
    expect((await database.repos.articles.findById(latest!.id))?.deletedAt).toBeInstanceOf(Date)
  })

  it('should show /stats', async () => {
    await new TestChat(api, 4003).send('/subscribe kazakhstan')
    const stats = await new TestChat(api, ADMIN_ID).ask('/stats')
    expect(stats).toMatch(/Articles: \d+ English, \d+ Russian/)
    expect(stats).toMatch(/Chats: \d+ active, 0 paused, 0 blocked/)
    expect(stats).toContain('Deliveries in the last 24 h: 0 sent, 0 failed')
    expect(stats).toContain('Kazakhstan: 1')
    expect(stats).toContain('Breaking pushes, latest first:\nnone yet')
  })

  it('should publish and push now: each subscriber of its topics gets it once, and /stats shows how many it reached', async () => {
    const readers = [new TestChat(api, 4101), new TestChat(api, 4102, 'ru')]
    for (const reader of readers)
      await reader.send('/subscribe kazakhstan')
    const admin = new TestChat(api, ADMIN_ID)
    await admin.send('/post')
    const [, preview] = await admin.send(PUSH_ARTICLE, 2)
    const [pushed] = await admin.press(preview!, 'Publish and push now')
    const id = Number(/#(\d+)/.exec(pushed!.text)![1])
    const subscribers = (await database.db.subscription.findMany({ where: { topic: { slug: { in: (await database.repos.articles.findById(id))!.topics.map(t => t.topic.slug) } }, chat: { state: 'active' } }, distinct: ['chatId'] })).length
    expect(pushed!.text).toBe(`Published as #${id} and queued for ${subscribers} subscribed chats.`)
    expect(subscribers).toBeGreaterThanOrEqual(2)
    expect(await admin.ask('/stats')).toContain(`#${id} ${(await database.repos.articles.findById(id))!.title.slice(0, 20)}`)
    expect(await admin.ask('/stats')).toMatch(new RegExp(`: reached 0 of ${subscribers} chats, ${subscribers} waiting, 0 failed or blocked`))

    // the sender works the outbox: one copy each, in each reader's language
    const sender = createSender({ api: new Api(FAKE_TOKEN, { apiRoot: api.apiRoot }), repos: running.deps.repos, topics: running.deps.topics, i18n: running.deps.i18n, logger: running.deps.logger, limiter: createLimiter({ perSecond: 1000, perChatMs: 0, perGroupMinute: 20 }) })
    while (await sender.runOnce() > 0) { /* until the outbox is empty */ }
    expect(readers.map(r => r.messages.filter(m => /^(Breaking news|Срочная новость)/.test(m.text)).length)).toEqual([1, 1])
    expect(await admin.ask('/stats')).toContain(`: reached ${subscribers} of ${subscribers} chats, 0 waiting, 0 failed or blocked`)
    expect(await new TestChat(api, ADMIN_ID, 'ru').ask('/stats')).toContain(`доставлено ${subscribers} из ${subscribers}, ждут 0, не доставлено 0`)
  })

  it('should explain a duplicate and a refused language in /post, then leave on /cancel', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    expect(await admin.ask('/post')).toMatch(/^Send me the article/)
    const [, duplicate] = await admin.send(ENGLISH_SEED, 2)
    expect(duplicate!.text).toMatch(/^This article is already published as #\d+: Karen Decker's Talks/)
    const [, kazakh] = await admin.send(page('kk.txt'), 2)
    expect(kazakh!.text).toBe('I can only publish English and Russian articles; this one is in Kazakh. Send another one, or /cancel.')
    expect(await admin.ask('/cancel')).toBe('Cancelled.')
    expect(await admin.ask('/cancel')).toBe('There is nothing to cancel.')
    // out of the conversation: text is text again
    expect(await admin.ask('hello')).toBe('I understand commands only. /help lists them.')
  })

  it('should post from a link: preview as subscribers see it, edit, publish', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    await admin.send('/post')
    const [, preview] = await admin.send(`${base}/news/kyrgyzstan-border`, 2)
    expect(preview!.html).toContain('<b>Preview</b>')
    expect(preview!.text).toContain('Kyrgyzstan opens new border crossing with China')
    expect(preview!.text).toContain('Steppe Times · 2 April 2025')
    expect(preview!.text).toContain('Language: English · Date: 2 April 2025 · Topics: China, Kyrgyzstan, Economy and trade')
    expect(buttons(preview!).map(b => b.text)).toEqual(['Publish', 'Publish and push now', 'Edit title', 'Edit topics', 'Edit English summary', 'Edit Russian summary', 'Cancel'])

    // edit the title
    const [askTitle] = await admin.press(preview!, 'Edit title')
    expect(askTitle!.text).toMatch(/^Send the new title/)
    const [tooLong] = await admin.send('x'.repeat(150))
    expect(tooLong!.text).toBe('That is 150 characters; at most 100, please. Try again.')
    const [afterTitle] = await admin.send('Kyrgyzstan opens Irkeshtam crossing')
    expect(afterTitle!.text).toContain('Kyrgyzstan opens Irkeshtam crossing')

    // type the missing Russian summary
    await admin.press(afterTitle!, 'Edit Russian summary')
    const [wrong] = await admin.send('This is English, not Russian at all.')
    expect(wrong!.text).toBe('That does not look like Russian. Try again.')
    const [afterSummary] = await admin.send('Киргизия открыла новый пункт пропуска на границе с Китаем.')
    expect(afterSummary!.text).toContain('Russian: Киргизия открыла новый пункт пропуска')

    // topics: drop China
    const [topicList] = await admin.press(afterSummary!, 'Edit topics')
    await admin.press(topicList!, '✅ China', { edit: true })
    const [afterTopics] = await admin.press(topicList!, 'Done')
    // "Central Asia" is named once in the text, "border" in the title and the lead
    expect(afterTopics!.text).toContain('Topics: Central Asia, Economy and trade, Kyrgyzstan, Security')

    const [published] = await admin.press(afterTopics!, 'Publish')
    const id = Number(/#(\d+)/.exec(published!.text)![1])
    expect(published!.text).toBe(`Published as #${id}.`)
    const stored = await database.repos.articles.findById(id)
    expect(stored).toMatchObject({ title: 'Kyrgyzstan opens Irkeshtam crossing', url: `${base}/news/kyrgyzstan-border`, sourceName: 'Steppe Times' })
    expect(stored!.topics.map(t => t.topic.slug).sort()).toEqual(['central-asia', 'economy-trade', 'kyrgyzstan', 'security'])
    expect(Object.fromEntries(stored!.summaries.map(s => [s.language, s.method]))).toEqual({ en: 'extractive', ru: 'manual' })
    expect(await database.repos.audit.list(id)).toMatchObject([{ action: 'post', actorId: BigInt(ADMIN_ID) }])
    expect(await new TestChat(api, 4004).ask('/topic kyrgyzstan')).toContain('Kyrgyzstan opens Irkeshtam crossing')
  })

  it('should keep a /post conversation across a restart of the bot', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    await admin.send('/post')
    const [, preview] = await admin.send(page('ru-dated-comments.txt'), 2)
    expect(preview!.text).toContain('Туркменистан начал поставки газа в Афганистан')

    // the process stops and a new one starts on the same database
    await running.stop()
    running = await startTestBot(database, { api, rateLimit: false, env: { FETCH_ALLOW_PRIVATE: 'true' } })

    const [published] = await admin.press(preview!, 'Publish')
    expect(published!.text).toMatch(/^Published as #\d+\.$/)
    expect(await new TestChat(api, 4005).ask('/search Туркменистан')).toContain('Туркменистан начал поставки газа')
  })

  it('should cancel from the preview\'s button', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    await admin.send('/post')
    const [, preview] = await admin.send(page('en-untitled-comments.txt'), 2)
    const before = await database.repos.articles.count()
    const [cancelled] = await admin.press(preview!, 'Cancel')
    expect(cancelled!.text).toBe('Cancelled: nothing was published.')
    expect(await database.repos.articles.count()).toBe(before)
  })
})
