// Digests and pushes everywhere on Telegram: channels, forum threads, link
// previews and sound, through the real planner and sender to the fake Bot API.
import { Api } from 'grammy'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from '#root/bot/i18n.js'
import { createLimiter } from '#root/delivery/limits.js'
import { createDigestPlanner } from '#root/delivery/planner.js'
import { createSender } from '#root/delivery/sender.js'
import { createLogger } from '#root/logger.js'
import type { ChatType } from '#root/generated/prisma/enums.js'
import { ADMIN_ID, type RunningBot, startTestBot } from '../helpers/bot.js'
import { TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { FAKE_TOKEN, type InlineAnswer, inlineQuery, myChatMember, type SentMessage } from '../helpers/fake-bot-api.js'

const logger = createLogger('silent', { pretty: false })
const POSTER = { status: 'administrator', can_post_messages: true } as const

function hhmm(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)
}

describe('digests and pushes in channels, forum threads and with per-chat options', () => {
  let database: TestDatabase
  let running: RunningBot
  let topicId: (slug: string) => number
  let nextChat = -1003000000000
  let nextUser = 9_000_000

  const sender = () => createSender({
    api: new Api(FAKE_TOKEN, { apiRoot: running.api.apiRoot }),
    repos: database.repos,
    topics: running.deps.topics,
    i18n: createI18n(),
    logger,
    limiter: createLimiter({ perSecond: 1000, perChatMs: 0, perGroupMinute: 1000 }),
    shareVia: running.api.botInfo.username,
  })
  const planner = () => createDigestPlanner({ repos: database.repos, logger, catchUpHours: 6 })
  const sendCalls = (chatId: number) => running.api.calls.filter(c => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId)

  /** A chat due for its digest now, subscribed to `topics`. */
  async function chat(type: ChatType, topics: string[], settings: Parameters<TestDatabase['repos']['chats']['update']>[1] = {}) {
    const id = type === 'private' ? ++nextUser : --nextChat
    await database.repos.chats.register({ id, type, title: type === 'private' ? null : `Chat ${id}`, uiLanguage: 'en', timeZone: 'UTC', digestTime: hhmm(new Date()) })
    await database.repos.chats.update(id, settings)
    for (const slug of topics)
      await database.repos.chats.subscribe(id, topicId(slug))
    return id
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
    const all = await database.repos.topics.list()
    topicId = slug => all.find(t => t.slug === slug)!.id
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })
  beforeEach(async () => {
    // chats of earlier tests are out of the way
    await database.db.chat.updateMany({ data: { state: 'paused' } })
  })

  it('should bring one digest to a channel, each forum thread, a private chat and a plain group, set up through the bot', async () => {
    const time = hhmm(new Date())
    // a channel, connected and set up by a bot admin from their private chat
    const channelId = --nextChat
    running.api.addChannel(channelId, { title: 'Steppe News', username: 'steppe_news', bot: POSTER })
    running.api.chatAdmins.set(channelId, new Set([ADMIN_ID]))
    const admin = new TestChat(running.api, ADMIN_ID)
    const [, panel] = await admin.send('/channel add @steppe_news', 2)
    await admin.press(panel!, 'Topics', { edit: true })
    await admin.press(panel!, 'Kazakhstan', { edit: true })
    await admin.send(`/channel time @steppe_news ${time}`)

    // a forum group: kazakhstan to thread 12, taliban to thread 14
    const forumId = --nextChat
    running.api.chatAdmins.set(forumId, new Set([9301]))
    running.api.forums.set(forumId, new Map([[12, 'open'], [14, 'open']]))
    const inForum = (threadId?: number) => new TestChat(running.api, 9301, 'en', forumId, { forum: true, threadId })
    await inForum(12).send('/here kazakhstan')
    await inForum(14).send('/here taliban')
    await inForum().send(`/time ${time}`)

    // a private chat, by the deep link; a plain group
    const reader = new TestChat(running.api, 9302)
    await reader.send('/start topic-kazakhstan')
    await reader.send(`/time ${time}`)
    const groupId = --nextChat
    running.api.chatAdmins.set(groupId, new Set([9303]))
    const group = new TestChat(running.api, 9303, 'en', groupId)
    await group.send('/start')
    await group.send('/subscribe kazakhstan')
    await group.send(`/time ${time}`)

    // the inline query offers the seed items
    const seeds = (await database.repos.articles.latest(10)).map(a => `item-${a.id}`).sort()
    const query = inlineQuery('kazakhstan', { userId: 9302 })
    running.api.pushUpdate(query)
    const answer: InlineAnswer = await running.api.waitFor(() => running.api.inlineAnswers.find(a => a.inlineQueryId === query.inline_query!.id))
    expect(answer.results.map(r => r.id).sort()).toEqual(seeds)

    const before = new Map([channelId, forumId, reader.userId, groupId].map(id => [id, running.api.messagesTo(id).length]))
    const digests = (id: number): SentMessage[] => running.api.messagesTo(id).slice(before.get(id))
    expect(await planner().tick(new Date())).toEqual({ queued: 4, skipped: 0 })
    await sender().runOnce()
    for (const id of [channelId, reader.userId, groupId]) {
      expect(digests(id)).toHaveLength(1)
      expect(digests(id)[0]!.text).toMatch(/^Your news digest/)
      expect(digests(id)[0]!.threadId).toBeUndefined()
    }
    // the forum: its kazakhstan items in their thread, its taliban items in theirs, one digest message in each
    const forum = digests(forumId)
    expect(forum.map(m => m.threadId)).toEqual([12, 14])
    expect(sendCalls(forumId).slice(-2).map(c => c.payload.message_thread_id)).toEqual([12, 14])
    const [kazakhstan, taliban] = forum
    const titles = async (slug: string) => (await database.db.article.findMany({ where: { topics: { some: { topicId: topicId(slug) } } }, select: { title: true } })).map(a => a.title)
    const [onKazakhstan, onTaliban] = [await titles('kazakhstan'), await titles('taliban')]
    expect(onKazakhstan).toHaveLength(seeds.length)
    expect(onTaliban.length).toBeGreaterThan(0)
    expect(kazakhstan!.text).toMatch(/^Your news digest/)
    for (const title of onKazakhstan)
      expect(kazakhstan!.text).toContain(title)
    expect(taliban!.text).toMatch(/^Your news digest/)
    for (const title of onKazakhstan)
      expect(taliban!.text.includes(title)).toBe(onTaliban.includes(title))

    // removed from the channel: blocked at once, nothing sent to find out
    const sends = sendCalls(channelId).length
    running.api.pushUpdate(myChatMember({ id: channelId, type: 'channel', title: 'Steppe News' }, { from: { id: ADMIN_ID }, old: running.api.botMember(POSTER), new: running.api.botMember({ status: 'left' }) }))
    await eventually(async () => (await database.repos.chats.find(channelId))?.state === 'blocked')
    expect(sendCalls(channelId)).toHaveLength(sends)
  })

  it('should send link previews and silent digests only to the chats that asked for them', async () => {
    const plain = await chat('private', ['kazakhstan'])
    const both = await chat('private', ['kazakhstan'], { linkPreviews: true, silent: true })
    const channel = await chat('channel', ['kazakhstan'], { silent: true })
    await planner().tick(new Date())
    await sender().runOnce()
    const [plainCall] = sendCalls(plain)
    expect(plainCall!.payload.link_preview_options).toEqual({ is_disabled: true })
    expect(plainCall!.payload.disable_notification).toBeUndefined()
    const [bothCall] = sendCalls(both)
    expect(bothCall!.payload.link_preview_options).toEqual({ is_disabled: false })
    expect(bothCall!.payload.disable_notification).toBe(true)
    expect(sendCalls(channel)[0]!.payload).toMatchObject({ disable_notification: true, link_preview_options: { is_disabled: true } })
  })

  it('should push a breaking item to its topic\'s thread, and not to a channel that turned pushes off', async () => {
    const forum = await chat('supergroup', ['kazakhstan'])
    running.api.forums.set(forum, new Map([[7, 'open']]))
    await database.repos.chats.routeTopic(forum, topicId('kazakhstan'), 7)
    const quiet = await chat('channel', ['kazakhstan'], { pushes: false })
    const loud = await chat('channel', ['kazakhstan'])
    const [article] = await database.repos.articles.latest(1)
    await database.db.delivery.deleteMany({ where: { articleId: article!.id } })
    expect(await database.repos.deliveries.planBreaking(article!.id, [topicId('kazakhstan')])).toBe(2)
    await sender().runOnce()
    expect(running.api.messagesTo(forum).map(m => [m.threadId, m.text.split('\n')[0]])).toEqual([[7, 'Breaking news']])
    expect(running.api.messagesTo(loud)).toHaveLength(1)
    expect(running.api.messagesTo(quiet)).toHaveLength(0)
  })

  it.each([['deleted', undefined], ['closed', 'closed' as const]])('should fall back to General when the thread was %s, and tell the admins once', async (_, state) => {
    const forum = await chat('supergroup', ['kazakhstan', 'afghanistan'])
    running.api.forums.set(forum, new Map(state ? [[12, state]] : []))
    await database.repos.chats.routeTopic(forum, topicId('kazakhstan'), 12)
    await database.repos.chats.routeTopic(forum, topicId('afghanistan'), 12)
    await planner().tick(new Date())
    await sender().runOnce()
    const messages = running.api.messagesTo(forum)
    expect(messages.map(m => m.threadId)).toEqual([undefined, undefined])
    expect(messages[0]!.text).toBe('The thread for Kazakhstan, Afghanistan was deleted or closed, so its news comes to General now. A group admin can send /here <topic> in a thread to change that.')
    expect(messages[1]!.text).toMatch(/^Your news digest/)
    expect(await database.repos.chats.threadRoutes(forum)).toEqual({ defaultThreadId: null, topics: new Map() })
    expect(await database.db.delivery.findFirst({ where: { chatId: BigInt(forum) } })).toMatchObject({ status: 'sent' })

    // the next push goes to General at once: no second notice
    const [article] = await database.repos.articles.latest(1)
    await database.db.delivery.deleteMany({ where: { articleId: article!.id } })
    await database.repos.deliveries.planBreaking(article!.id, [topicId('kazakhstan')])
    await sender().runOnce()
    expect(running.api.messagesTo(forum).slice(2).map(m => [m.threadId, m.text.split('\n')[0]])).toEqual([[undefined, 'Breaking news']])
  })
})
