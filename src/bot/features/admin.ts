// Admin commands (ADMIN_IDS): /post enters the conversation, /cancel leaves it,
// /delete soft-deletes (audited), /stats. Anyone else gets a polite refusal.
import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { POST_CONVERSATION } from '#root/bot/conversations/post.js'
import { argument } from '#root/bot/helpers/items.js'
import { isBotAdmin } from '#root/bot/helpers/permissions.js'
import { localeOf } from '#root/bot/i18n.js'
import { escapeHtml } from '#root/digest/html.js'
import { clip } from '#root/news/text.js'

const composer = new Composer<Context>()

const ADMIN_COMMANDS = ['post', 'delete', 'stats']
const RECENT_PUSHES = 5

// refusal first, so that nothing below runs for anyone else
composer.command(ADMIN_COMMANDS, async (ctx, next) => {
  if (isBotAdmin(ctx))
    return next()
  return ctx.reply(ctx.t('admin-only'))
})

// /post runs in the admin's private chat only (postCommands, bot/index.ts): in
// a group, anyone's next message could otherwise become the article
composer.command('post', ctx => ctx.reply(ctx.t('post-private-only')))

// /cancel outside an admin's private chat (there, cancelCommand answers first)
composer.command('cancel', ctx => ctx.reply(ctx.t(isBotAdmin(ctx) ? 'cancel-nothing' : 'admin-only')))

// a preview's button that no conversation took: it ended (idle, restart with
// other ADMIN_IDS), or the presser is not the admin who started it
composer.callbackQuery(/^p(?:ost|topic):/, ctx => ctx.answerCallbackQuery({ text: ctx.t(isBotAdmin(ctx) ? 'post-expired' : 'admin-only'), show_alert: true }))

composer.command('delete', async (ctx) => {
  const value = await argument(ctx)
  if (value === undefined)
    return
  const id = Number(value.replace(/^#/, ''))
  if (!/^#?\d{1,9}$/.test(value))
    return ctx.reply(ctx.t('delete-usage'))
  if (!(await ctx.repos.articles.softDelete(id)))
    return ctx.reply(ctx.t('delete-missing', { id }))
  await ctx.repos.audit.record({ actorId: ctx.from!.id, action: 'delete', articleId: id })
  ctx.logger.info({ msg: 'Article deleted', article_id: id, admin_id: ctx.from!.id })
  return ctx.reply(ctx.t('delete-done', { id }))
})

composer.command('stats', async (ctx) => {
  const since = new Date(ctx.now().getTime() - 24 * 60 * 60 * 1000)
  const [articles, chats, subscribers, deliveries, pushes] = await Promise.all([
    ctx.repos.articles.countByLanguage(),
    ctx.repos.chats.countByState(),
    ctx.repos.chats.subscribersPerTopic(),
    ctx.repos.deliveries.countSince(since),
    ctx.repos.deliveries.recentPushes(RECENT_PUSHES),
  ])
  const language = localeOf(ctx)
  const topics = ctx.topics.all()
    .filter(topic => subscribers.has(topic.id))
    .sort((a, b) => subscribers.get(b.id)! - subscribers.get(a.id)!)
    .map(topic => `${ctx.topics.name(topic, language)}: ${subscribers.get(topic.id)}`)
  return ctx.reply(ctx.t('stats-text', {
    ...articles,
    ...chats,
    ...deliveries,
    topics: topics.length > 0 ? topics.join('\n') : ctx.t('stats-no-subscribers'),
    pushes: pushes.length > 0
      ? pushes.map(p => ctx.t('stats-push', { id: p.articleId, title: escapeHtml(clip(p.title, 60)), sent: p.sent, total: p.total, waiting: p.waiting, failed: p.failed })).join('\n')
      : ctx.t('stats-no-pushes'),
  }), { parse_mode: 'HTML' })
})

export { composer as adminFeature }

/**
 * In admins' private chats, before a running conversation sees the update:
 * /cancel leaves it, /post leaves it and goes on to start a new one (postEntry,
 * after the conversation is registered).
 */
export const leaveCommands = new Composer<Context>()
leaveCommands.command('post', async (ctx, next) => {
  await ctx.conversation.exitAll()
  return next()
})
leaveCommands.command('cancel', async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0
  await ctx.conversation.exitAll()
  await ctx.repos.drafts.delete(ctx.from!.id)
  return ctx.reply(ctx.t(active ? 'cancel-done' : 'cancel-nothing'))
})

export const postEntry = new Composer<Context>()
postEntry.command('post', ctx => ctx.conversation.enter(POST_CONVERSATION))
