import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningBot, startTestBot } from '../helpers/bot.js'
import { TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'

describe('forum supergroups: /here', () => {
  let database: TestDatabase
  let running: RunningBot
  let nextGroup = -1002000000000
  const ADMIN = 5001
  const topicId = async (slug: string) => (await database.repos.topics.list()).find(t => t.slug === slug)!.id

  /** A forum group with ADMIN as its admin; `in(thread)` writes in that thread (undefined: General). */
  function forum(userId = ADMIN) {
    const id = --nextGroup
    running.api.chatAdmins.set(id, new Set([ADMIN]))
    return { id, in: (threadId?: number, user = userId) => new TestChat(running.api, user, 'en', id, { forum: true, threadId }) }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should send a topic to the thread /here names it in, subscribe the group, and answer in that thread', async () => {
    const group = forum()
    const thread = group.in(12)
    const [reply] = await thread.send('/here kazakhstan')
    expect(reply!.text).toBe('News on Kazakhstan will come to this thread. The group is now subscribed to Kazakhstan.')
    expect(reply!.threadId).toBe(12)
    expect(await database.repos.chats.subscriptions(group.id)).toEqual([await topicId('kazakhstan')])
    expect((await database.repos.chats.threadRoutes(group.id)).topics).toEqual(new Map([[await topicId('kazakhstan'), 12]]))

    expect(await group.in(14).ask('/here Талибан')).toBe('News on Taliban will come to this thread. The group is now subscribed to Taliban.')
    expect(await group.in(14).ask('/here all')).toBe('News on topics without a thread of their own will come to this thread.')
    const settings = await group.in(undefined).ask('/subscriptions')
    expect(settings).toContain('Threads:\nKazakhstan → thread 12\nTaliban → thread 14\nother topics → thread 14')
  })

  it('should send items back to General from the General thread', async () => {
    const group = forum()
    await group.in(20).send('/here kazakhstan')
    await group.in(20).send('/here all')
    const general = group.in(undefined)
    const [reply] = await general.send('/here kazakhstan')
    expect(reply!.text).toBe('News on Kazakhstan will come to the General thread.')
    expect(reply!.threadId).toBeUndefined()
    expect(await general.ask('/here all')).toBe('News on topics without a thread of their own will come to the General thread.')
    expect(await database.repos.chats.threadRoutes(group.id)).toEqual({ defaultThreadId: null, topics: new Map() })
  })

  it('should let only the group\'s admins route topics, and explain /here elsewhere', async () => {
    const group = forum()
    expect(await group.in(12, 5002).ask('/here kazakhstan')).toBe('In groups, only the group\'s admins can change these settings.')
    expect((await database.repos.chats.threadRoutes(group.id)).topics.size).toBe(0)
    expect(await group.in(12).ask('/here nosuchtopic')).toMatch(/^I do not know the topic “nosuchtopic”/)
    expect(await group.in(12).ask('/here')).toMatch(/^Send it inside a topic thread/)
    const plainGroup = new TestChat(running.api, ADMIN, 'en', -5003)
    expect(await plainGroup.ask('/here kazakhstan')).toMatch(/^\/here works in forum groups/)
    expect(await new TestChat(running.api, ADMIN).ask('/here kazakhstan')).toMatch(/^\/here works in forum groups/)
  })
})
