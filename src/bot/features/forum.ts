// Forum supergroups: `/here <topic>` inside a topic thread sends that topic's
// items there (and subscribes the group to it); `/here all` sends every other
// item there; in the General thread either sends them back to General. Items
// go to their thread in digests and pushes (delivery); group admins only.
import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { ensureChat } from '#root/bot/helpers/chat.js'
import { requiredArgument } from '#root/bot/helpers/items.js'
import { requireSettingsRights } from '#root/bot/helpers/permissions.js'
import { localeOf } from '#root/bot/i18n.js'

const ALL = /^(all|все|всё)$/i

const composer = new Composer<Context>()

composer.command('here', async (ctx) => {
  if (ctx.chat.type !== 'supergroup' || !ctx.chat.is_forum)
    return ctx.reply(ctx.t('here-not-forum'))
  const name = await requiredArgument(ctx, 'here-usage')
  if (name === undefined)
    return
  const topic = ALL.test(name) ? undefined : ctx.topics.resolve(name)
  if (!ALL.test(name) && !topic) {
    const suggestions = ctx.topics.closest(name).map(t => `/here ${t.slug}`).join(', ')
    return ctx.reply(ctx.t('topic-unknown', { name, suggestions }))
  }
  if (!(await requireSettingsRights(ctx)))
    return
  await ensureChat(ctx)
  // Telegram marks messages in a topic thread; the General thread's carry no thread id
  const thread = ctx.msg.is_topic_message ? ctx.msg.message_thread_id ?? null : null
  if (!topic) {
    ctx.chatSettings = await ctx.repos.chats.update(ctx.chat.id, { defaultThreadId: thread })
    return ctx.reply(ctx.t(thread === null ? 'here-all-general' : 'here-all-done'))
  }
  await ctx.repos.chats.routeTopic(ctx.chat.id, topic.id, thread)
  const subscribed = await ctx.repos.chats.subscribe(ctx.chat.id, topic.id)
  const topicName = ctx.topics.name(topic, localeOf(ctx))
  const done = ctx.t(thread === null ? 'here-topic-general' : 'here-topic-done', { topic: topicName })
  return ctx.reply(subscribed ? `${done} ${ctx.t('here-subscribed', { topic: topicName })}` : done)
})

export { composer as forumFeature }
