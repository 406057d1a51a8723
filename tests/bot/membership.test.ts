import type { ChatMember } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningBot, startTestBot } from '../helpers/bot.js'
import { buttons, TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { myChatMember } from '../helpers/fake-bot-api.js'

describe('my_chat_member: added, removed, blocked, back again', () => {
  let database: TestDatabase
  let running: RunningBot
  let nextGroup = -7000
  const member = (status: ChatMember['status']) => running.api.botMember({ status })
  const state = async (id: number) => (await database.repos.chats.find(id))?.state
  const sends = () => running.api.calls.filter(c => c.method === 'sendMessage').length

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should greet and register a group it is added to, in the language of whoever added it', async () => {
    const id = --nextGroup
    running.api.pushUpdate(myChatMember({ id, type: 'group', title: 'Readers' }, { from: { id: 7101, language_code: 'ru' }, old: member('left'), new: member('member') }))
    const greeting = await running.api.waitForMessage(id)
    expect(greeting.text).toMatch(/^Здравствуйте! Я буду присылать в этот чат/)
    expect(buttons(greeting).map(b => b.text)).toContain('Казахстан')
    expect(await database.repos.chats.find(id)).toMatchObject({ type: 'group', title: 'Readers', state: 'active', uiLanguage: 'ru' })
  })

  it('should block a group at once when removed or kicked, keep its settings, and resume them when added back', async () => {
    const id = --nextGroup
    const chat = { id, type: 'supergroup' as const, title: 'Forum' }
    running.api.pushUpdate(myChatMember(chat, { from: { id: 7102 }, old: member('left'), new: member('administrator') }))
    await running.api.waitForMessage(id)
    running.api.chatAdmins.set(id, new Set([7102]))
    const admin = new TestChat(running.api, 7102, 'en', id)
    await admin.send('/time 06:45')
    await admin.send('/subscribe taliban')

    for (const gone of ['left', 'kicked'] as const) {
      const before = sends()
      running.api.pushUpdate(myChatMember(chat, { from: { id: 7102 }, old: member('administrator'), new: member(gone) }))
      await eventually(async () => (await state(id)) === 'blocked')
      expect(sends()).toBe(before)
      const backs = () => running.api.messagesTo(id).filter(m => m.text.startsWith('I am back'))
      const seen = backs().length
      running.api.pushUpdate(myChatMember(chat, { from: { id: 7102 }, old: member(gone), new: member('member') }))
      const back = await running.api.waitFor(() => backs()[seen])
      expect(back.text).toBe('I am back, with this group\'s earlier topics and settings. Group admins can change the topics below.')
      expect(buttons(back).map(b => b.text)).toContain('✅ Taliban')
      expect(await database.repos.chats.find(id)).toMatchObject({ state: 'active', digestTime: '06:45' })
    }
  })

  it('should block a group where it may no longer send messages, and not greet a group on a mere promotion', async () => {
    const id = --nextGroup
    const chat = { id, type: 'supergroup' as const, title: 'Quiet' }
    running.api.pushUpdate(myChatMember(chat, { from: { id: 7103 }, old: member('left'), new: member('member') }))
    await running.api.waitForMessage(id)
    running.api.pushUpdate(myChatMember(chat, { from: { id: 7103 }, old: member('member'), new: member('administrator') }))
    running.api.pushUpdate(myChatMember(chat, { from: { id: 7103 }, old: member('administrator'), new: { ...member('restricted'), is_member: true, can_send_messages: false } as ChatMember }))
    await eventually(async () => (await state(id)) === 'blocked')
    expect(running.api.messagesTo(id)).toHaveLength(1)
  })

  it('should mark a private chat blocked when the user blocks the bot, and resume it on /start', async () => {
    const user = new TestChat(running.api, 7104)
    await user.send('/start')
    await user.send('/time 10:15')
    const before = sends()
    running.api.pushUpdate(myChatMember({ id: 7104, type: 'private', first_name: 'Test' }, { from: { id: 7104 }, old: member('member'), new: member('kicked') }))
    await eventually(async () => (await state(7104)) === 'blocked')
    expect(sends()).toBe(before)
    // unblocking alone changes nothing: /start resumes, with the old settings
    running.api.pushUpdate(myChatMember({ id: 7104, type: 'private', first_name: 'Test' }, { from: { id: 7104 }, old: member('kicked'), new: member('member') }))
    expect(await user.ask('/start')).toBe('Welcome back! Your daily digest is on again, with your earlier settings.')
    expect(await database.repos.chats.find(7104)).toMatchObject({ state: 'active', digestTime: '10:15' })
  })
})
