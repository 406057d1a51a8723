import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningBot, startTestBot } from '../helpers/bot.js'
import { buttons, TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { callbackQuery, textMessage } from '../helpers/fake-bot-api.js'

describe('subscriptions and settings', () => {
  let database: TestDatabase
  let running: RunningBot
  let nextUser = 3000
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

  it('should toggle a topic from /topics and mark it in the same message', async () => {
    const chat = user()
    const [list] = await chat.send('/topics')
    expect(list!.text).toMatch(/^Tap a topic/)
    await chat.press(list!, 'Kazakhstan', { edit: true })
    expect(buttons(list!).map(b => b.text)).toContain('✅ Kazakhstan')
    expect(await database.repos.chats.subscriptions(chat.userId)).toEqual([await topicId('kazakhstan')])
    const toast = running.api.calls.filter(c => c.method === 'answerCallbackQuery').at(-1)
    expect(toast?.payload.text).toBe('Subscribed to Kazakhstan.')
    await chat.press(list!, '✅ Kazakhstan', { edit: true })
    expect(buttons(list!).map(b => b.text)).toContain('Kazakhstan')
    expect(await database.repos.chats.subscriptions(chat.userId)).toEqual([])
    // nothing else was sent: the message was edited in place
    expect(chat.messages).toHaveLength(1)
  })

  it('should subscribe and unsubscribe by any name, and list the settings', async () => {
    const chat = user()
    expect(await chat.ask('/subscribe Казахстан')).toBe('Subscribed to Kazakhstan.')
    expect(await chat.ask('/subscribe kazakhstan')).toBe('You are already subscribed to Kazakhstan.')
    expect(await chat.ask('/subscribe taliban')).toBe('Subscribed to Taliban.')
    expect(await chat.ask('/subscribe nosuchthing')).toMatch(/^I do not know the topic “nosuchthing”/)
    const settings = await chat.ask('/subscriptions')
    expect(settings).toContain('Topics: Kazakhstan, Taliban')
    expect(settings).toContain('Daily at 09:00 (UTC)')
    expect(settings).toContain('Language: English')
    expect(await chat.ask('/unsubscribe taliban')).toBe('Unsubscribed from Taliban.')
    expect(await chat.ask('/unsubscribe taliban')).toBe('You were not subscribed to Taliban.')
    expect(await chat.ask('/unsubscribe all')).toBe('Unsubscribed from all topics (1).')
    expect(await chat.ask('/subscriptions')).toContain('Topics: none yet: /topics')
    expect(await chat.ask('/unsubscribe')).toMatch(/^Which topic\?/)
  })

  it('should set the digest language, and let the interface follow en or ru', async () => {
    const chat = user('en')
    expect(await chat.ask('/lang ru')).toBe('Язык дайджеста: русский.')
    expect(await chat.ask('/lang both')).toBe('Язык дайджеста: английский и русский.')
    expect(await database.repos.chats.find(chat.userId)).toMatchObject({ digestLanguage: 'both', uiLanguage: 'ru' })
    const latest = await chat.ask('/latest 1')
    expect(latest).toContain('английский: Karen Decker')
    expect(await chat.ask('/lang en')).toBe('Digest language: English.')
    expect(await chat.ask('/lang xx')).toBe('Choose the digest language: /lang en, /lang ru or /lang both.')
    expect((await database.repos.chats.find(chat.userId))?.digestLanguage).toBe('en')
  })

  it.each(['25:99', '24:00', '9', 'noon', '12:60'])('should refuse /time %s and keep the old time', async (value) => {
    const chat = user()
    expect(await chat.ask(`/time ${value}`)).toBe('Give the time as HH:MM in 24-hour form, e.g. /time 08:30.')
    expect(await database.repos.chats.find(chat.userId)).toBeNull()
  })

  it('should set the digest time and the time zone, by IANA name or city, in English or Russian', async () => {
    const chat = user()
    expect(await chat.ask('/time 7:05')).toBe('Your daily digest will come at 07:05 (UTC).')
    expect(await chat.ask('/tz Almaty')).toMatch(/^Time zone: Asia\/Almaty \(it is \d\d:\d\d there now\)\.$/)
    expect(await chat.ask('/tz europe/moscow')).toMatch(/^Time zone: Europe\/Moscow/)
    expect(await chat.ask('/tz Кабул')).toMatch(/^Time zone: Asia\/Kabul/)
    expect(await chat.ask('/tz Mars/Olympus')).toBe('I do not know the time zone “Mars/Olympus”. Use a name like Asia/Almaty or Europe/Moscow, or a city such as Almaty, Moscow or Kabul.')
    expect(await database.repos.chats.find(chat.userId)).toMatchObject({ digestTime: '07:05', timeZone: 'Asia/Kabul' })
  })

  it('should switch link previews and the notification sound per chat, and show both in /subscriptions', async () => {
    const chat = user('ru')
    expect(await chat.ask('/subscriptions')).toContain('Превью ссылок: выкл. · Без звука: выкл.')
    expect(await chat.ask('/previews on')).toBe('Дайджесты будут приходить с превью ссылок.')
    expect(await chat.ask('/silent вкл')).toBe('Дайджесты будут приходить беззвучно.')
    expect(await chat.ask('/subscriptions')).toContain('Превью ссылок: вкл. · Без звука: вкл.')
    expect(await chat.ask('/silent maybe')).toBe('Дайджесты без звука уведомления: /silent on или /silent off.')
    expect(await chat.ask('/previews')).toBe('Превью ссылок в дайджестах: /previews on или /previews off.')
    expect(await database.repos.chats.find(chat.userId)).toMatchObject({ linkPreviews: true, silent: true })
    expect(await chat.ask('/previews off')).toBe('Дайджесты будут приходить без превью ссылок.')
    expect((await database.repos.chats.find(chat.userId))?.linkPreviews).toBe(false)
  })

  describe('in a group', () => {
    const GROUP = -100777
    const ADMIN = 3901
    const MEMBER = 3902

    beforeAll(() => {
      running.api.chatAdmins.set(GROUP, new Set([ADMIN]))
    })

    it('should let the group\'s admins change settings and refuse other members, changing nothing', async () => {
      const admin = new TestChat(running.api, ADMIN, 'en', GROUP)
      const member = new TestChat(running.api, MEMBER, 'en', GROUP)
      const [greeting] = await admin.send('/start')
      expect(greeting!.text).toMatch(/^Hello! I will post short news digests in this chat/)
      expect(await admin.ask('/subscribe kazakhstan')).toBe('Subscribed to Kazakhstan.')
      expect(await member.ask('/subscribe taliban')).toBe('In groups, only the group\'s admins can change these settings.')
      expect(await member.ask('/time 06:00')).toBe('In groups, only the group\'s admins can change these settings.')
      expect(await member.ask('/unsubscribe all')).toBe('In groups, only the group\'s admins can change these settings.')
      expect(await member.ask('/silent on')).toBe('In groups, only the group\'s admins can change these settings.')
      expect(await member.ask('/previews on')).toBe('In groups, only the group\'s admins can change these settings.')
      expect(await database.repos.chats.find(GROUP)).toMatchObject({ silent: false, linkPreviews: false })
      expect(await database.repos.chats.subscriptions(GROUP)).toEqual([await topicId('kazakhstan')])
      expect((await database.repos.chats.find(GROUP))?.digestTime).toBe('09:00')
      // reading is for everyone
      expect(await member.ask('/latest 1')).toMatch(/^Latest news/)
    })

    it('should refuse a member\'s topic button with an alert', async () => {
      const member = new TestChat(running.api, MEMBER, 'en', GROUP)
      const admin = new TestChat(running.api, ADMIN, 'en', GROUP)
      const [list] = await admin.send('/topics')
      const answered = running.api.calls.filter(c => c.method === 'answerCallbackQuery').length
      running.api.pushUpdate(callbackQuery(buttons(list!).find(b => b.text === 'Taliban')!.callback_data!, { userId: member.userId, chatId: GROUP, messageId: list!.messageId }))
      await running.api.waitFor(() => running.api.calls.filter(c => c.method === 'answerCallbackQuery').length > answered)
      expect(running.api.calls.filter(c => c.method === 'answerCallbackQuery').at(-1)?.payload).toMatchObject({ show_alert: true, text: 'In groups, only the group\'s admins can change these settings.' })
      expect(await database.repos.chats.subscriptions(GROUP)).toEqual([await topicId('kazakhstan')])
    })

    it('should judge a button by its presser, whatever sender_chat the message under it names', async () => {
      const admin = new TestChat(running.api, ADMIN, 'en', GROUP)
      const [list] = await admin.send('/topics')
      const answered = running.api.calls.filter(c => c.method === 'answerCallbackQuery').length
      // the message claims to come from the group itself (as an anonymous admin's would)
      running.api.pushUpdate(callbackQuery(buttons(list!).find(b => b.text === 'Taliban')!.callback_data!, { userId: MEMBER, chatId: GROUP, messageId: list!.messageId, senderChat: { id: GROUP, title: 'Test group' } }))
      await running.api.waitFor(() => running.api.calls.filter(c => c.method === 'answerCallbackQuery').length > answered)
      expect(running.api.calls.filter(c => c.method === 'answerCallbackQuery').at(-1)?.payload).toMatchObject({ show_alert: true, text: 'In groups, only the group\'s admins can change these settings.' })
      expect(await database.repos.chats.subscriptions(GROUP)).toEqual([await topicId('kazakhstan')])
    })

    it('should answer a member\'s /stop once, and not pause the group', async () => {
      const member = new TestChat(running.api, MEMBER, 'en', GROUP)
      const replies = await member.send('/stop')
      await new Promise(resolve => setTimeout(resolve, 300))
      expect(member.messages.slice(-1)).toEqual(replies)
      expect(replies[0]!.text).toBe('In groups, only the group\'s admins can change these settings.')
      expect((await database.repos.chats.find(GROUP))?.state).toBe('active')
    })

    it('should move the group\'s settings when it becomes a supergroup', async () => {
      const SUPERGROUP = -1009999000777
      running.api.pushUpdate({ message: { message_id: 1, date: 0, chat: { id: GROUP, type: 'group', title: 'Test group' }, from: { id: ADMIN, is_bot: false, first_name: 'A' }, migrate_to_chat_id: SUPERGROUP } } as never)
      expect(await eventually(() => database.repos.chats.find(SUPERGROUP))).toMatchObject({ type: 'supergroup', state: 'active' })
      expect(await database.repos.chats.subscriptions(SUPERGROUP)).toEqual([await topicId('kazakhstan')])
      expect(await database.repos.chats.find(GROUP)).toBeNull()
    })
  })

  it('should ignore edited messages and answer stickers with a hint', async () => {
    const chat = user()
    running.api.pushUpdate({ edited_message: { ...textMessage('/latest', { userId: chat.userId }).message!, edit_date: 1 } })
    const [hint] = await chat.send('placeholder')
    expect(hint!.text).toBe('I understand commands only. /help lists them.')
    expect(chat.messages).toHaveLength(1)
    running.api.pushUpdate({ message: { message_id: 77, date: 0, chat: { id: chat.userId, type: 'private', first_name: 'T' }, from: { id: chat.userId, is_bot: false, first_name: 'T' }, sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } } as never)
    await running.api.waitForMessage(chat.userId, 2)
    expect(chat.messages[1]!.text).toBe('I read text commands only; /help lists them.')
  })
})
