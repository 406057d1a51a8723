import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningBot, startTestBot } from '../helpers/bot.js'
import { buttons, TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'

const ENGLISH_TITLE = 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten'

describe('deep links and sharing', () => {
  let database: TestDatabase
  let running: RunningBot
  let nextUser = 8000
  const user = (languageCode = 'en') => new TestChat(running.api, ++nextUser, languageCode)
  const topicId = async (slug: string) => (await database.repos.topics.list()).find(t => t.slug === slug)!.id

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should subscribe in one tap from t.me/<bot>?start=topic-kazakhstan, with the topic buttons', async () => {
    const chat = user()
    const [reply] = await chat.send('/start topic-kazakhstan')
    expect(reply!.text).toBe('Subscribed to Kazakhstan. Your topics are marked ✅ below; tap to change them.')
    expect(buttons(reply!).map(b => b.text)).toContain('✅ Kazakhstan')
    expect(await database.repos.chats.subscriptions(chat.userId)).toEqual([await topicId('kazakhstan')])
    expect(await chat.ask('/start topic-kazakhstan')).toBe('You are already subscribed to Kazakhstan. Your topics are marked ✅ below.')
    expect(await user('ru').ask('/start topic-taliban')).toMatch(/^Вы подписались на тему «Талибан»/)
  })

  it('should greet as a plain /start for a payload it did not make, and subscribe to nothing', async () => {
    for (const payload of ['topic-nosuchtopic', 'topic-KAZAKHSTAN', 'topic-kazakhstan;drop', 'item-abc', 'item-99999999', 'x'.repeat(64), '%00']) {
      const chat = user()
      expect(await chat.ask(`/start ${payload}`)).toMatch(/^Hello, Test!/)
      expect(await database.repos.chats.subscriptions(chat.userId)).toEqual([])
    }
  })

  it('should let only a group\'s admins subscribe the group by a link', async () => {
    running.api.chatAdmins.set(-8100, new Set([8101]))
    const member = new TestChat(running.api, 8102, 'en', -8100)
    await member.send('/start')
    expect(await member.ask('/start@test_news_bot topic-kazakhstan')).toBe('In groups, only the group\'s admins can change these settings.')
    expect(await database.repos.chats.subscriptions(-8100)).toEqual([])
    const admin = new TestChat(running.api, 8101, 'en', -8100)
    expect(await admin.ask('/start@test_news_bot topic-kazakhstan')).toMatch(/^Subscribed to Kazakhstan/)
  })

  it('should give each item a share link to its deep link, and show the item there with a button to send it through inline mode', async () => {
    const chat = user()
    const [latest] = await chat.send('/latest 1')
    const [article] = await database.repos.articles.latest(1)
    const share = /<a href="(https:\/\/t\.me\/share\/url\?[^"]+)">Share<\/a>/.exec(latest!.html!)
    expect(share).not.toBeNull()
    const url = new URL(share![1]!.replace(/&amp;/g, '&'))
    expect(url.searchParams.get('url')).toBe(`https://t.me/test_news_bot?start=item-${article!.id}`)
    expect(url.searchParams.get('text')).toBe(ENGLISH_TITLE)

    const [item] = await chat.send(`/start item-${article!.id}`)
    expect(item!.text).toContain(ENGLISH_TITLE)
    const [button] = buttons(item!) as Array<{ text: string, switch_inline_query?: string }>
    expect(button).toEqual({ text: 'Send to a chat', switch_inline_query: `#${article!.id}` })
  })
})
