import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ID, type RunningBot, startTestBot } from '../helpers/bot.js'
import { buttons, TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { callbackQuery, channelPost, myChatMember, textMessage } from '../helpers/fake-bot-api.js'

const POSTER = { status: 'administrator', can_post_messages: true } as const

describe('channels', () => {
  let database: TestDatabase
  let running: RunningBot
  let admin: TestChat
  let nextChannel = -1001000000100

  /** A channel Telegram knows, the bot in it with `bot` rights, the admin one of its administrators. */
  function channel(options: { bot?: Parameters<RunningBot['api']['addChannel']>[1]['bot'], adminIsAdmin?: boolean } = {}) {
    const id = --nextChannel
    const username = `news_channel_${-id % 1000}`
    running.api.addChannel(id, { title: `Channel <${-id % 1000}> & Co`, username, bot: options.bot ?? POSTER })
    if (options.adminIsAdmin !== false)
      running.api.chatAdmins.set(id, new Set([ADMIN_ID]))
    return { id, username, title: `Channel <${-id % 1000}> & Co` }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
    admin = new TestChat(running.api, ADMIN_ID)
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should connect a channel where it may post, checking its own rights and the admin\'s with getChatMember', async () => {
    const { id, username, title } = channel()
    const [done, panel] = await admin.send(`/channel add @${username}`, 2)
    expect(done!.text).toBe(`${title} is connected. It has settings of its own, below; choose its topics first.`)
    expect(panel!.text).toContain(title)
    expect(panel!.text).toContain('Topics: none yet')
    expect(panel!.html).toContain('&lt;')
    const members = running.api.calls.filter(c => c.method === 'getChatMember' && c.payload.chat_id === id).map(c => c.payload.user_id)
    expect(members).toEqual([running.api.botInfo.id, ADMIN_ID])
    expect(await database.repos.chats.find(id)).toMatchObject({ type: 'channel', state: 'active', title, digestTime: '09:00', timeZone: 'UTC', pushes: true })
  })

  it('should explain what is missing: the bot is no admin, may not post, or the admin is not the channel\'s', async () => {
    const missing = channel({ bot: { status: 'left' } })
    expect(await admin.ask(`/channel add @${missing.username}`)).toBe(`I am not an administrator of ${missing.title}. Add me as an administrator with the right to post messages, then try again.`)
    const mute = channel({ bot: { status: 'administrator', can_post_messages: false } })
    expect(await admin.ask(`/channel add ${mute.id}`)).toBe(`I am an administrator of ${mute.title} but may not post there. Give me the right “Post messages”, then try again.`)
    const foreign = channel({ adminIsAdmin: false })
    expect(await admin.ask(`/channel add https://t.me/${foreign.username}`)).toBe(`Only administrators of ${foreign.title} can connect it, and you are not one of them.`)
    expect(await admin.ask('/channel add @no_such_channel')).toMatch(/^I cannot find the channel “@no_such_channel”/)
    expect(await admin.ask('/channel add <script>')).toMatch(/^I cannot find the channel “<script>”/)
    for (const c of [missing, mute, foreign])
      expect(await database.repos.chats.find(c.id)).toBeNull()
  })

  it('should connect a channel from one of its posts forwarded by a bot admin', async () => {
    const { id, title } = channel()
    const before = admin.messages.length
    running.api.pushUpdate(textMessage('Some post', { userId: ADMIN_ID, forwardOrigin: { type: 'channel', chat: { id, type: 'channel', title }, message_id: 5, date: 0 } }))
    await running.api.waitFor(() => admin.messages.length >= before + 2)
    expect(admin.messages[before]!.text).toMatch(/is connected/)
    expect((await database.repos.chats.find(id))?.type).toBe('channel')
  })

  it('should refuse /channel and /channels to anyone but bot admins, and in groups', async () => {
    const user = new TestChat(running.api, 4101)
    expect(await user.ask('/channels')).toBe('Sorry, only the bot\'s admins can do that.')
    expect(await user.ask('/channel add @news_channel_1')).toBe('Sorry, only the bot\'s admins can do that.')
    const group = new TestChat(running.api, ADMIN_ID, 'en', -4102)
    expect(await group.ask('/channels')).toBe('Channels are managed in a private chat with me: open it and send /channels.')
  })

  it('should manage the channel\'s own settings with buttons from /channels', async () => {
    const { id, title } = channel()
    await admin.send(`/channel add ${id}`, 2)
    const [list] = await admin.send('/channels')
    expect(list!.text).toBe('Your channels: tap one to change its settings.')
    const panel = (await admin.press(list!, title, { edit: true }), list!)
    expect(panel.text).toContain('Breaking pushes: on')

    // topics: a toggle keyboard, then back to the panel
    await admin.press(panel, 'Topics', { edit: true })
    await admin.press(panel, 'Kazakhstan', { edit: true })
    expect(buttons(panel).map(b => b.text)).toContain('✅ Kazakhstan')
    await admin.press(panel, 'Done', { edit: true })
    expect(panel.text).toContain('Topics: Kazakhstan')

    await admin.press(panel, 'Language: English', { edit: true })
    expect(panel.text).toContain('Language: Russian')
    await admin.press(panel, 'Pushes: on', { edit: true })
    await admin.press(panel, 'Previews: off', { edit: true })
    await admin.press(panel, 'Silent: off', { edit: true })
    await admin.press(panel, 'Time: 09:00', { edit: true })
    await admin.press(panel, '07', { edit: true })
    await admin.press(panel, '07:30', { edit: true })
    await admin.press(panel, 'Zone: UTC', { edit: true })
    expect(panel.text).toContain(`/channel tz ${id} <zone or city>`)
    await admin.press(panel, 'Asia/Almaty', { edit: true })
    expect(panel.text).toContain('Daily at 07:30 (Asia/Almaty)')
    expect(await database.repos.chats.find(id)).toMatchObject({ digestLanguage: 'ru', uiLanguage: 'ru', pushes: false, linkPreviews: true, silent: true, digestTime: '07:30', timeZone: 'Asia/Almaty' })
    expect(await database.repos.chats.subscriptions(id)).toHaveLength(1)

    // and by command, for a zone the buttons do not offer
    const [shown] = await admin.send(`/channel tz ${id} Yekaterinburg`)
    expect(shown!.text).toContain('(Asia/Yekaterinburg)')
    expect(await admin.ask(`/channel time ${id} 25:00`)).toBe('Give the time as HH:MM in 24-hour form, e.g. /time 08:30.')
  })

  it('should refuse a channel\'s buttons to a bot admin who is not its administrator, and forged data', async () => {
    const { id } = channel({ adminIsAdmin: false })
    await database.repos.chats.register({ id, type: 'channel', title: 'Not mine', uiLanguage: 'en', timeZone: 'UTC', digestTime: '09:00' })
    const [message] = await admin.send('/help')
    const alerts = () => running.api.calls.filter(c => c.method === 'answerCallbackQuery').map(c => c.payload.text)
    for (const data of [`chan:${id}:push`, `chan:${id}:z:99`, `chan:${id}:h:24`, 'chan:-1:push', `chan:${id}:t:999999`, `chan:${id}:drop`]) {
      const count = alerts().length
      running.api.pushUpdate(callbackQuery(data, { userId: ADMIN_ID, messageId: message!.messageId }))
      await running.api.waitFor(() => alerts().length > count)
    }
    expect(alerts().slice(-6)).toEqual([
      'Only administrators of that channel who are also the bot\'s admins can change it.',
      'Only administrators of that channel who are also the bot\'s admins can change it.',
      'Only administrators of that channel who are also the bot\'s admins can change it.',
      'This button does not work (any more): send the command again.',
      'This button does not work (any more): send the command again.',
      'This button does not work (any more): send the command again.',
    ])
    expect(await database.repos.chats.find(id)).toMatchObject({ pushes: true })
    // a user who is no bot admin
    const count = alerts().length
    running.api.pushUpdate(callbackQuery(`chan:${id}:push`, { userId: 4103, messageId: message!.messageId }))
    await running.api.waitFor(() => alerts().length > count)
    expect(alerts().at(-1)).toBe('Sorry, only the bot\'s admins can do that.')
  })

  it('should ignore commands posted in a channel: a channel post has no sender to check', async () => {
    const { id, title } = channel()
    await admin.send(`/channel add ${id}`, 2)
    const calls = running.api.calls.length
    for (const text of ['/start', '/lang ru', '/previews on', '/unsubscribe all'])
      running.api.pushUpdate(channelPost(text, { id, title }))
    // the channel's updates are handled in order: once this one has, so have the posts
    running.api.pushUpdate(myChatMember({ id, type: 'channel', title }, { from: { id: ADMIN_ID }, old: running.api.botMember(POSTER), new: running.api.botMember({ status: 'kicked' }) }))
    await eventually(async () => (await database.repos.chats.find(id))?.state === 'blocked')
    expect(running.api.messagesTo(id)).toHaveLength(0)
    expect(running.api.calls.slice(calls).filter(c => c.payload.chat_id === id)).toHaveLength(0)
    expect(await database.repos.chats.find(id)).toMatchObject({ digestLanguage: 'en', linkPreviews: false })
  })

  it('should block a channel the moment the bot is removed or loses its right to post, and resume it when re-added', async () => {
    const { id, title } = channel()
    await admin.send(`/channel add ${id}`, 2)
    await database.repos.chats.subscribe(id, (await database.repos.topics.list())[0]!.id)
    const chat = { id, type: 'channel' as const, title }
    const sends = running.api.calls.filter(c => c.method === 'sendMessage').length
    running.api.pushUpdate(myChatMember(chat, { from: { id: ADMIN_ID }, old: running.api.botMember(POSTER), new: running.api.botMember({ status: 'left' }) }))
    await eventually(async () => (await database.repos.chats.find(id))?.state === 'blocked')
    // nothing was sent to find that out
    expect(running.api.calls.filter(c => c.method === 'sendMessage')).toHaveLength(sends)

    running.api.pushUpdate(myChatMember(chat, { from: { id: ADMIN_ID }, old: running.api.botMember({ status: 'left' }), new: running.api.botMember(POSTER) }))
    await eventually(async () => (await database.repos.chats.find(id))?.state === 'active')
    expect(await database.repos.chats.subscriptions(id)).toHaveLength(1)

    running.api.pushUpdate(myChatMember(chat, { from: { id: ADMIN_ID }, old: running.api.botMember(POSTER), new: running.api.botMember({ status: 'administrator', can_post_messages: false }) }))
    await eventually(async () => (await database.repos.chats.find(id))?.state === 'blocked')
    expect(running.api.messagesTo(id)).toHaveLength(0)
  })
})
