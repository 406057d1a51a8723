// Channels: a bot admin connects a channel in which the bot is an administrator
// allowed to post (`/channel add @name`, or by forwarding one of its posts), and
// manages its own settings (topics, time, time zone, digest language, pushes,
// previews, sound) from their private chat with buttons (/channels). Whoever
// asks or presses must be a bot admin and an administrator of that channel
// (asked of Telegram each time); every button's data is checked.
import { Composer, GrammyError, InlineKeyboard } from 'grammy'
import type { ChatFullInfo } from 'grammy/types'
import type { Context } from '#root/bot/context.js'
import { argument } from '#root/bot/helpers/items.js'
import { botCanPost, isAdminMember, isBotAdmin } from '#root/bot/helpers/permissions.js'
import { COMMON_TIME_ZONES, parseDigestTime, resolveTimeZone } from '#root/bot/helpers/time-zones.js'
import { localeOf } from '#root/bot/i18n.js'
import { topicsKeyboard } from '#root/bot/keyboards/topics.js'
import type { ChatSettings } from '#root/db/repositories/chat-repository.js'
import { escapeHtml } from '#root/digest/html.js'
import type { Chat } from '#root/generated/prisma/client.js'

/** channels /channels checks (one getChatMember each) */
const MAX_CHANNELS = 30
const USERNAME = /^(?:@|(?:https?:\/\/)?t\.me\/)([a-z]\w{3,31})$/i
const CHANNEL_ID = /^-100\d{1,13}$/
const DATA = /^chan:(-100\d{1,13}):(open|topics|t|lang|push|prev|silent|time|h|m|tz|z)(?::(\d{1,4}))?$/
const LANGUAGES = ['en', 'ru', 'both'] as const

const composer = new Composer<Context>()

// bot admins only, in their private chat: the settings are the channel's, not this chat's
composer.command(['channel', 'channels'], async (ctx, next) => {
  if (!isBotAdmin(ctx))
    return ctx.reply(ctx.t('admin-only'))
  if (ctx.chat.type !== 'private')
    return ctx.reply(ctx.t('channel-private-only'))
  return next()
})

composer.command('channel', async (ctx) => {
  const text = await argument(ctx)
  if (text === undefined)
    return
  const [action, target = '', ...rest] = text.split(/\s+/)
  const value = rest.join(' ')
  if (action === 'add' && target)
    return connect(ctx, target)
  if ((action !== 'time' && action !== 'tz') || !target || !value)
    return ctx.reply(ctx.t('channel-usage'), { parse_mode: 'HTML' })
  const found = await lookUp(ctx, target)
  if (typeof found === 'string')
    return ctx.reply(found)
  const channel = await manageable(ctx, found.id)
  if (!channel)
    return ctx.reply(ctx.t('channel-unknown', { target }))
  if (action === 'time') {
    const time = parseDigestTime(value)
    if (!time)
      return ctx.reply(ctx.t('time-usage'))
    return showPanel(ctx, await ctx.repos.chats.update(found.id, { digestTime: time }))
  }
  const zone = resolveTimeZone(value)
  if (!zone)
    return ctx.reply(ctx.t('tz-unknown', { zone: value }))
  return showPanel(ctx, await ctx.repos.chats.update(found.id, { timeZone: zone }))
})

composer.command('channels', async (ctx) => {
  const list = await channelList(ctx)
  return ctx.reply(list.text, { parse_mode: 'HTML', reply_markup: list.keyboard })
})

// a channel's post forwarded by a bot admin: connect that channel (a running
// /post took the message before this, so this is no article)
composer.chatType('private').on('message:forward_origin', async (ctx, next) => {
  const origin = ctx.msg.forward_origin
  if (origin.type !== 'channel' || !isBotAdmin(ctx))
    return next()
  return connect(ctx, origin.chat, true)
})

/** The channel `target` names (@name, t.me link or id), or why not, told to the admin. */
async function lookUp(ctx: Context, target: string): Promise<ChatFullInfo.ChannelChat | string> {
  const username = USERNAME.exec(target)?.[1]
  if (!username && !CHANNEL_ID.test(target))
    return ctx.t('channel-not-found', { target })
  try {
    const chat = await ctx.api.getChat(username ? `@${username}` : Number(target))
    return chat.type === 'channel' ? chat : ctx.t('channel-not-channel', { target })
  }
  catch (error) {
    if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403))
      return ctx.t('channel-not-found', { target })
    throw error
  }
}

/** Checks the bot's right to post and the admin's rights in the channel, then registers it (or resumes it). */
async function connect(ctx: Context, target: string | Pick<ChatFullInfo.ChannelChat, 'id' | 'title'>, forwarded = false): Promise<void> {
  const chat = typeof target === 'string' ? await lookUp(ctx, target) : target
  const hint = forwarded ? `\n\n${ctx.t('channel-forward-hint')}` : ''
  if (typeof chat === 'string') {
    await ctx.reply(chat)
    return
  }
  const title = chat.title
  const bot = await ctx.api.getChatMember(chat.id, ctx.me.id).catch(denied)
  if (!bot || !botCanPost('channel', bot)) {
    await ctx.reply(ctx.t(bot?.status === 'administrator' ? 'channel-bot-cannot-post' : 'channel-bot-missing', { title }) + hint)
    return
  }
  const admin = await ctx.api.getChatMember(chat.id, ctx.from!.id).catch(denied)
  if (!admin || !isAdminMember(admin)) {
    await ctx.reply(ctx.t('channel-you-not-admin', { title }) + hint)
    return
  }
  const channel = await ctx.repos.chats.register({
    id: chat.id,
    type: 'channel',
    title,
    uiLanguage: localeOf(ctx),
    timeZone: ctx.config.defaultTimeZone,
    digestTime: ctx.config.defaultDigestTime,
  })
  ctx.logger.info({ msg: 'Channel connected', chat_id: chat.id, admin_id: ctx.from!.id })
  await ctx.reply(ctx.t('channel-connected', { title }))
  await showPanel(ctx, channel)
}

/** Telegram refused to say (the bot is not in the channel): no member. */
function denied(error: unknown): undefined {
  if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403))
    return undefined
  throw error
}

/** The connected channel `id` if the sender administers it, else undefined. */
async function manageable(ctx: Context, id: number): Promise<Chat | undefined> {
  const channel = await ctx.repos.chats.find(id)
  if (!channel || channel.type !== 'channel')
    return undefined
  const member = await ctx.api.getChatMember(id, ctx.from!.id).catch(denied)
  return member && isAdminMember(member) ? channel : undefined
}

async function channelList(ctx: Context): Promise<{ text: string, keyboard: InlineKeyboard }> {
  const channels = await ctx.repos.chats.channels(MAX_CHANNELS)
  const mine = (await Promise.all(channels.map(async (channel) => {
    const member = await ctx.api.getChatMember(Number(channel.id), ctx.from!.id).catch(denied)
    return member && isAdminMember(member) ? channel : undefined
  }))).filter(c => c !== undefined)
  const keyboard = new InlineKeyboard()
  for (const channel of mine)
    keyboard.text(`${channel.state === 'active' ? '' : '⏸ '}${channel.title ?? channel.id}`, `chan:${channel.id}:open`).row()
  return { text: ctx.t(mine.length > 0 ? 'channels-title' : 'channels-none'), keyboard }
}

function panel(ctx: Context, channel: Chat, topicIds: number[]): { text: string, keyboard: InlineKeyboard } {
  const language = localeOf(ctx)
  const names = topicIds.flatMap(id => ctx.topics.byId(id) ?? []).map(topic => ctx.topics.name(topic, language))
  const onOff = (on: boolean) => ctx.t(on ? 'switch-on' : 'switch-off')
  const text = ctx.t('channel-panel', {
    title: escapeHtml(channel.title ?? String(channel.id)),
    topics: names.length > 0 ? names.join(', ') : ctx.t('channel-no-topics'),
    time: channel.digestTime,
    zone: channel.timeZone,
    language: ctx.t(`language-${channel.digestLanguage}`),
    pushes: onOff(channel.pushes),
    previews: onOff(channel.linkPreviews),
    silent: onOff(channel.silent),
    state: ctx.t(channel.state === 'blocked' ? 'channel-state-blocked' : `state-${channel.state}`),
  })
  const data = (action: string) => `chan:${channel.id}:${action}`
  const keyboard = new InlineKeyboard()
    .text(ctx.t('channel-button-topics'), data('topics')).text(ctx.t('channel-button-language', { language: ctx.t(`language-${channel.digestLanguage}`) }), data('lang')).row()
    .text(ctx.t('channel-button-time', { time: channel.digestTime }), data('time')).text(ctx.t('channel-button-zone', { zone: channel.timeZone }), data('tz')).row()
    .text(ctx.t('channel-button-pushes', { state: onOff(channel.pushes) }), data('push'))
    .text(ctx.t('channel-button-previews', { state: onOff(channel.linkPreviews) }), data('prev'))
    .text(ctx.t('channel-button-silent', { state: onOff(channel.silent) }), data('silent'))
    .row()
    .text(ctx.t('channel-button-back'), 'chan:list')
  return { text, keyboard }
}

async function showPanel(ctx: Context, channel: Chat): Promise<void> {
  const { text, keyboard } = panel(ctx, channel, await ctx.repos.chats.subscriptions(Number(channel.id)))
  if (ctx.callbackQuery)
    await edit(ctx, text, keyboard)
  else
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard })
}

/** Edits the message under the button; pressing what changes nothing is no error. */
async function edit(ctx: Context, text: string, keyboard: InlineKeyboard): Promise<void> {
  await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard }).catch((error: unknown) => {
    if (!(error instanceof GrammyError && /message is not modified/.test(error.description)))
      throw error
  })
}

composer.callbackQuery(/^chan:/, async (ctx) => {
  if (!isBotAdmin(ctx) || ctx.chat?.type !== 'private')
    return ctx.answerCallbackQuery({ text: ctx.t('admin-only'), show_alert: true })
  if (ctx.callbackQuery.data === 'chan:list') {
    await ctx.answerCallbackQuery()
    const list = await channelList(ctx)
    return edit(ctx, list.text, list.keyboard)
  }
  const match = DATA.exec(ctx.callbackQuery.data)
  if (!match)
    return ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true })
  const id = Number(match[1])
  const action = match[2]!
  const arg = match[3] === undefined ? undefined : Number(match[3])
  const channel = await manageable(ctx, id)
  if (!channel)
    return ctx.answerCallbackQuery({ text: ctx.t('channel-not-yours'), show_alert: true })
  const data = (suffix: string) => `chan:${id}:${suffix}`
  const back = { text: ctx.t('channel-button-done'), data: data('open') }
  const title = escapeHtml(channel.title ?? String(id))
  const update = async (settings: ChatSettings) => {
    await ctx.answerCallbackQuery()
    return showPanel(ctx, await ctx.repos.chats.update(id, settings))
  }

  switch (action) {
    case 'open':
      await ctx.answerCallbackQuery()
      return showPanel(ctx, channel)
    case 'topics':
    case 't': {
      const topic = arg === undefined ? undefined : ctx.topics.byId(arg)
      if (action === 't' && !topic)
        return ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true })
      if (topic && !(await ctx.repos.chats.subscribe(id, topic.id)))
        await ctx.repos.chats.unsubscribe(id, topic.id)
      await ctx.answerCallbackQuery()
      const chosen = new Set(await ctx.repos.chats.subscriptions(id))
      return edit(ctx, ctx.t('channel-topics', { title }), topicsKeyboard(ctx.topics.all(), chosen, localeOf(ctx), data('t'), back))
    }
    case 'lang': {
      // en -> ru -> both -> en; the channel's labels follow en or ru, as /lang does
      const next = LANGUAGES[(LANGUAGES.indexOf(channel.digestLanguage) + 1) % LANGUAGES.length]!
      return update({ digestLanguage: next, ...(next === 'both' ? {} : { uiLanguage: next }) })
    }
    case 'push':
      return update({ pushes: !channel.pushes })
    case 'prev':
      return update({ linkPreviews: !channel.linkPreviews })
    case 'silent':
      return update({ silent: !channel.silent })
    case 'time': {
      await ctx.answerCallbackQuery()
      const hours = new InlineKeyboard()
      for (let hour = 0; hour < 24; hour++) {
        hours.text(String(hour).padStart(2, '0'), data(`h:${hour}`))
        if (hour % 6 === 5)
          hours.row()
      }
      return edit(ctx, ctx.t('channel-ask-hour', { title }), hours.text(back.text, back.data))
    }
    case 'h': {
      if (arg === undefined || arg > 23)
        return ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true })
      await ctx.answerCallbackQuery()
      const hour = String(arg).padStart(2, '0')
      const minutes = new InlineKeyboard()
      for (const minute of ['00', '15', '30', '45'])
        minutes.text(`${hour}:${minute}`, data(`m:${hour}${minute}`))
      return edit(ctx, ctx.t('channel-ask-minute', { title }), minutes.row().text(back.text, back.data))
    }
    case 'm': {
      const time = parseDigestTime(`${match[3]?.slice(0, 2)}:${match[3]?.slice(2)}`)
      if (!time || match[3]?.length !== 4)
        return ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true })
      return update({ digestTime: time })
    }
    case 'tz': {
      await ctx.answerCallbackQuery()
      const zones = new InlineKeyboard()
      COMMON_TIME_ZONES.forEach((zone, i) => {
        zones.text(zone, data(`z:${i}`))
        if (i % 2 === 1)
          zones.row()
      })
      return edit(ctx, ctx.t('channel-ask-zone', { title, id: String(id) }), zones.row().text(back.text, back.data))
    }
    case 'z': {
      const zone = arg === undefined ? undefined : COMMON_TIME_ZONES[arg]
      if (!zone)
        return ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true })
      return update({ timeZone: zone })
    }
  }
  return ctx.answerCallbackQuery()
})

export { composer as channelsFeature }
