// /topics (toggle buttons), /subscribe, /unsubscribe, /subscriptions.
import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { ensureChat } from '#root/bot/helpers/chat.js'
import { requiredArgument } from '#root/bot/helpers/items.js'
import { requireSettingsRights } from '#root/bot/helpers/permissions.js'
import { localeOf } from '#root/bot/i18n.js'
import { topicsKeyboard } from '#root/bot/keyboards/topics.js'

const composer = new Composer<Context>()

const language = (ctx: Context) => localeOf(ctx)

composer.command('topics', async (ctx) => {
  const chosen = new Set(ctx.chatSettings ? await ctx.repos.chats.subscriptions(ctx.chat.id) : [])
  await ctx.reply(ctx.t('topics-choose'), { reply_markup: topicsKeyboard(ctx.topics.all(), chosen, language(ctx), 'sub') })
})

composer.callbackQuery(/^sub:(\d+)$/, async (ctx) => {
  const topic = ctx.topics.byId(Number(ctx.match[1]))
  if (!topic || !ctx.chat) {
    await ctx.answerCallbackQuery()
    return
  }
  if (!(await requireSettingsRights(ctx)))
    return
  await ensureChat(ctx)
  const subscribed = await ctx.repos.chats.subscribe(ctx.chat.id, topic.id) || (await ctx.repos.chats.unsubscribe(ctx.chat.id, topic.id), false)
  const name = ctx.topics.name(topic, language(ctx))
  await ctx.answerCallbackQuery({ text: ctx.t(subscribed ? 'subscribe-done' : 'unsubscribe-done', { topic: name }) })
  const chosen = new Set(await ctx.repos.chats.subscriptions(ctx.chat.id))
  await ctx.editMessageReplyMarkup({ reply_markup: topicsKeyboard(ctx.topics.all(), chosen, language(ctx), 'sub') })
})

composer.command('subscribe', async (ctx) => {
  const name = await requiredArgument(ctx, 'subscribe-usage')
  if (name === undefined)
    return
  const topic = ctx.topics.resolve(name)
  if (!topic) {
    const suggestions = ctx.topics.closest(name).map(t => `/subscribe ${t.slug}`).join(', ')
    return ctx.reply(ctx.t('topic-unknown', { name, suggestions }))
  }
  if (!(await requireSettingsRights(ctx)))
    return
  await ensureChat(ctx)
  const added = await ctx.repos.chats.subscribe(ctx.chat.id, topic.id)
  return ctx.reply(ctx.t(added ? 'subscribe-done' : 'subscribe-already', { topic: ctx.topics.name(topic, language(ctx)) }))
})

composer.command('unsubscribe', async (ctx) => {
  const name = await requiredArgument(ctx, 'unsubscribe-usage')
  if (name === undefined)
    return
  const all = /^(all|все|всё)$/i.test(name)
  const topic = all ? undefined : ctx.topics.resolve(name)
  if (!all && !topic) {
    const suggestions = ctx.topics.closest(name).map(t => `/unsubscribe ${t.slug}`).join(', ')
    return ctx.reply(ctx.t('topic-unknown', { name, suggestions }))
  }
  if (!(await requireSettingsRights(ctx)))
    return
  const removed = ctx.chatSettings ? await ctx.repos.chats.unsubscribe(ctx.chat.id, topic?.id) : 0
  if (all)
    return ctx.reply(ctx.t('unsubscribe-all-done', { count: removed }))
  return ctx.reply(ctx.t(removed > 0 ? 'unsubscribe-done' : 'unsubscribe-not', { topic: ctx.topics.name(topic!, language(ctx)) }))
})

composer.command('subscriptions', async (ctx) => {
  await ensureChat(ctx)
  const chat = ctx.chatSettings!
  const names = (await ctx.repos.chats.subscriptions(ctx.chat.id))
    .flatMap(id => ctx.topics.byId(id) ?? [])
    .map(topic => ctx.topics.name(topic, language(ctx)))
  const onOff = (on: boolean) => ctx.t(on ? 'switch-on' : 'switch-off')
  const text = ctx.t('subscriptions-text', {
    topics: names.length > 0 ? names.join(', ') : ctx.t('subscriptions-none'),
    time: chat.digestTime,
    zone: chat.timeZone,
    language: ctx.t(`language-${chat.digestLanguage}`),
    previews: onOff(chat.linkPreviews),
    silent: onOff(chat.silent),
    state: ctx.t(`state-${chat.state}`),
  })
  const forum = ctx.chat.type === 'supergroup' && ctx.chat.is_forum
  await ctx.reply(forum ? `${text}\n${await threadLines(ctx)}` : text, { parse_mode: 'HTML' })
})

/** Where a forum's items go: each routed topic's thread, then the rest. */
async function threadLines(ctx: Context): Promise<string> {
  const routes = await ctx.repos.chats.threadRoutes(ctx.chat!.id)
  const where = (thread: number | null) => (thread === null ? ctx.t('threads-general') : ctx.t('threads-thread', { thread: String(thread) }))
  const lines = [...routes.topics].flatMap(([topicId, thread]) => {
    const topic = ctx.topics.byId(topicId)
    return topic ? [`${ctx.topics.name(topic, language(ctx))} → ${where(thread)}`] : []
  })
  return ctx.t('threads-text', { routes: [...lines, ctx.t('threads-rest', { where: where(routes.defaultThreadId) })].join('\n') })
}

export { composer as topicsFeature }
