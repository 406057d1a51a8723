// /start (with deep links: `topic-<slug>` subscribes in one tap, `item-<id>`
// shows an item with a button to share it through inline mode) and /stop.
import { Composer, InlineKeyboard } from 'grammy'
import type { CommandContext } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { registerChat } from '#root/bot/helpers/chat.js'
import { renderFor } from '#root/bot/helpers/items.js'
import { requireSettingsRights } from '#root/bot/helpers/permissions.js'
import { sendParts } from '#root/bot/helpers/reply.js'
import { localeOf } from '#root/bot/i18n.js'
import { topicsKeyboard } from '#root/bot/keyboards/topics.js'
import { parseStartPayload } from '#root/digest/share.js'
import type { Topic } from '#root/news/topic-directory.js'

const composer = new Composer<Context>()

composer.command('start', async (ctx) => {
  const chat = ctx.chat
  const before = ctx.chatSettings
  // a payload is a button's data: only links we make, to topics and items that exist
  const link = parseStartPayload(ctx.match)
  const topic = link?.kind === 'topic' ? ctx.topics.bySlug(link.slug) : undefined
  if ((before || topic) && chat.type !== 'private' && !(await requireSettingsRights(ctx)))
    return
  const registered = await registerChat(ctx)
  await ctx.i18n.renegotiateLocale()
  ctx.logger.info({ msg: before ? 'Chat resumed' : 'Chat registered', chat_id: chat.id })
  const resumed = before !== undefined && before.state !== 'active'
  if (resumed)
    await ctx.reply(ctx.t('start-resumed'))
  if (topic)
    return subscribeByLink(ctx, topic)
  if (link?.kind === 'item' && await showItem(ctx, link.id))
    return
  if (resumed)
    return
  const chosen = new Set(await ctx.repos.chats.subscriptions(chat.id))
  const keyboard = topicsKeyboard(ctx.topics.all(), chosen, registered.uiLanguage, 'sub')
  const greeting = chat.type === 'private' ? ctx.t('start-greeting', { name: ctx.from?.first_name ?? '' }) : ctx.t('start-greeting-group')
  await ctx.reply(greeting, { reply_markup: keyboard })
})

async function subscribeByLink(ctx: CommandContext<Context>, topic: Topic): Promise<void> {
  const added = await ctx.repos.chats.subscribe(ctx.chat.id, topic.id)
  const chosen = new Set(await ctx.repos.chats.subscriptions(ctx.chat.id))
  const name = ctx.topics.name(topic, localeOf(ctx))
  await ctx.reply(ctx.t(added ? 'start-topic-done' : 'start-topic-already', { topic: name }), { reply_markup: topicsKeyboard(ctx.topics.all(), chosen, localeOf(ctx), 'sub') })
}

/** The item, with a button that shares it into any chat through inline mode; false when there is no such item. */
async function showItem(ctx: CommandContext<Context>, id: number): Promise<boolean> {
  const [story] = await ctx.repos.stories.itemsOfReports([id])
  if (!story)
    return false
  const share = new InlineKeyboard().switchInline(ctx.t('item-share-button'), `#${id}`)
  await sendParts(ctx, renderFor(ctx, [story]), share)
  return true
}

composer.command('stop', async (ctx) => {
  if (!ctx.chatSettings)
    return ctx.reply(ctx.t('stop-already'))
  if (!(await requireSettingsRights(ctx)))
    return
  if (ctx.chatSettings.state === 'paused')
    return ctx.reply(ctx.t('stop-already'))
  await ctx.repos.chats.update(ctx.chat.id, { state: 'paused' })
  return ctx.reply(ctx.t('stop-done'))
})

export { composer as welcomeFeature }
