// Channels: a bot admin connects a channel in which the bot is an administrator
// allowed to post (`/channel add @name`, or by forwarding one of its posts), and
// manages its own settings (topics, time, time zone, digest language, pushes,
// previews, sound) from their private chat with buttons (/channels). Whoever
// asks or presses must be a bot admin and an administrator of that channel
// (asked of Telegram each time); every button's data is checked.
import { Composer, GrammyError, type InlineKeyboard } from 'grammy'
import type { ChatFullInfo } from 'grammy/types'
import type { Context } from '#root/bot/context.js'
import { denied, lookUpChannel, managedChannel, managedChannels } from '#root/bot/helpers/channels.js'
import { argument } from '#root/bot/helpers/items.js'
import { botCanPost, isAdminMember, isBotAdmin } from '#root/bot/helpers/permissions.js'
import { COMMON_TIME_ZONES, parseDigestTime, resolveTimeZone } from '#root/bot/helpers/time-zones.js'
import { localeOf } from '#root/bot/i18n.js'
import { CHANNEL_DATA, CHANNEL_LIST_DATA, channelData, channelListKeyboard, channelPanel, hoursKeyboard, minutesKeyboard, zonesKeyboard } from '#root/bot/keyboards/channel-panel.js'
import { topicsKeyboard } from '#root/bot/keyboards/topics.js'
import type { ChatSettings } from '#root/db/repositories/chat-repository.js'
import { escapeHtml } from '#root/digest/html.js'
import type { Chat } from '#root/generated/prisma/client.js'

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
    return ctx.reply(ctx.t('channel-usage'))
  const found = await lookUpChannel(ctx, target)
  if (typeof found === 'string')
    return ctx.reply(found)
  if (!(await managedChannel(ctx, found.id)))
    return ctx.reply(ctx.t('channel-unknown', { target }))
  if (action === 'time') {
    const time = parseDigestTime(value)
    return time ? showPanel(ctx, await ctx.repos.chats.update(found.id, { digestTime: time })) : ctx.reply(ctx.t('time-usage'))
  }
  const zone = resolveTimeZone(value)
  return zone ? showPanel(ctx, await ctx.repos.chats.update(found.id, { timeZone: zone })) : ctx.reply(ctx.t('tz-unknown', { zone: value }))
})

composer.command('channels', async (ctx) => {
  const channels = await managedChannels(ctx)
  return ctx.reply(ctx.t(channels.length > 0 ? 'channels-title' : 'channels-none'), { parse_mode: 'HTML', reply_markup: channelListKeyboard(channels) })
})

// a channel's post forwarded by a bot admin: connect that channel (a running
// /post took the message before this, so this is no article)
composer.chatType('private').on('message:forward_origin', async (ctx, next) => {
  const origin = ctx.msg.forward_origin
  if (origin.type !== 'channel' || !isBotAdmin(ctx))
    return next()
  return connect(ctx, origin.chat, true)
})

/** Checks the bot's right to post and the admin's rights in the channel, then registers it (or resumes it). */
async function connect(ctx: Context, target: string | Pick<ChatFullInfo.ChannelChat, 'id' | 'title'>, forwarded = false): Promise<void> {
  const chat = typeof target === 'string' ? await lookUpChannel(ctx, target) : target
  if (typeof chat === 'string') {
    await ctx.reply(chat)
    return
  }
  const { id, title } = chat
  const hint = forwarded ? `\n\n${ctx.t('channel-forward-hint')}` : ''
  const bot = await ctx.api.getChatMember(id, ctx.me.id).catch(denied)
  if (!bot || !botCanPost('channel', bot)) {
    await ctx.reply(ctx.t(bot?.status === 'administrator' ? 'channel-bot-cannot-post' : 'channel-bot-missing', { title }) + hint)
    return
  }
  const admin = await ctx.api.getChatMember(id, ctx.from!.id).catch(denied)
  if (!admin || !isAdminMember(admin)) {
    await ctx.reply(ctx.t('channel-you-not-admin', { title }) + hint)
    return
  }
  const channel = await ctx.repos.chats.register({
    id,
    type: 'channel',
    title,
    uiLanguage: localeOf(ctx),
    timeZone: ctx.config.defaultTimeZone,
    digestTime: ctx.config.defaultDigestTime,
  })
  ctx.logger.info({ msg: 'Channel connected', chat_id: id, admin_id: ctx.from!.id })
  await ctx.reply(ctx.t('channel-connected', { title }))
  await showPanel(ctx, channel)
}

async function showPanel(ctx: Context, channel: Chat): Promise<void> {
  const names = (await ctx.repos.chats.subscriptions(Number(channel.id)))
    .flatMap(id => ctx.topics.byId(id) ?? [])
    .map(topic => ctx.topics.name(topic, localeOf(ctx)))
  const { text, keyboard } = channelPanel(channel, names, (key, args) => ctx.t(key, args))
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
  if (ctx.callbackQuery.data === CHANNEL_LIST_DATA) {
    await ctx.answerCallbackQuery()
    const channels = await managedChannels(ctx)
    return edit(ctx, ctx.t(channels.length > 0 ? 'channels-title' : 'channels-none'), channelListKeyboard(channels))
  }
  const match = CHANNEL_DATA.exec(ctx.callbackQuery.data)
  const unknown = () => ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true })
  if (!match)
    return unknown()
  const id = Number(match[1])
  const [action, number] = [match[2]!, match[3]]
  const arg = number === undefined ? undefined : Number(number)
  const channel = await managedChannel(ctx, id)
  if (!channel)
    return ctx.answerCallbackQuery({ text: ctx.t('channel-not-yours'), show_alert: true })
  const done = { text: ctx.t('channel-button-done'), data: channelData(id, 'open') }
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
        return unknown()
      if (topic && !(await ctx.repos.chats.subscribe(id, topic.id)))
        await ctx.repos.chats.unsubscribe(id, topic.id)
      await ctx.answerCallbackQuery()
      const chosen = new Set(await ctx.repos.chats.subscriptions(id))
      return edit(ctx, ctx.t('channel-topics', { title }), topicsKeyboard(ctx.topics.all(), chosen, localeOf(ctx), channelData(id, 't'), done))
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
    case 'time':
      await ctx.answerCallbackQuery()
      return edit(ctx, ctx.t('channel-ask-hour', { title }), hoursKeyboard(id, done))
    case 'h':
      if (arg === undefined || arg > 23)
        return unknown()
      await ctx.answerCallbackQuery()
      return edit(ctx, ctx.t('channel-ask-minute', { title }), minutesKeyboard(id, arg, done))
    case 'm': {
      const time = number?.length === 4 ? parseDigestTime(`${number.slice(0, 2)}:${number.slice(2)}`) : undefined
      return time ? update({ digestTime: time }) : unknown()
    }
    case 'tz':
      await ctx.answerCallbackQuery()
      return edit(ctx, ctx.t('channel-ask-zone', { title, id: String(id) }), zonesKeyboard(id, done))
    case 'z': {
      const zone = arg === undefined ? undefined : COMMON_TIME_ZONES[arg]
      return zone ? update({ timeZone: zone }) : unknown()
    }
  }
  return unknown()
})

export { composer as channelsFeature }
