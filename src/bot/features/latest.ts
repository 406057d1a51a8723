// /latest [n] and its "More" button; /topic <name> and its "More" button.
import { Composer, InlineKeyboard } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { localeOf } from '#root/bot/i18n.js'
import { argument, mutedOf, renderFor, requiredArgument } from '#root/bot/helpers/items.js'
import { sendParts } from '#root/bot/helpers/reply.js'

const DEFAULT_COUNT = 5
const MAX_COUNT = 20

const composer = new Composer<Context>()

/** Sends `count` stories from `offset`, one item each, with a More button when there are more. */
async function sendPage(ctx: Context, options: { offset: number, count: number, topicId?: number, title: string, empty: string }): Promise<void> {
  const { offset, count, topicId } = options
  const stories = await ctx.repos.stories.latest({ limit: count + 1, offset, topicId, muted: await mutedOf(ctx) })
  if (stories.length === 0) {
    await ctx.reply(offset === 0 ? options.empty : ctx.t('latest-no-more'))
    return
  }
  const page = stories.slice(0, count)
  const more = stories.length > count
    ? new InlineKeyboard().text(ctx.t('latest-more'), `more:${topicId ?? 0}:${offset + count}:${count}`)
    : undefined
  await sendParts(ctx, [...(offset === 0 ? [options.title] : []), ...renderFor(ctx, page)], more)
}

composer.command('latest', async (ctx) => {
  const text = await argument(ctx)
  if (text === undefined)
    return
  const count = text === '' ? DEFAULT_COUNT : Number(text)
  if (!/^\d{1,2}$/.test(text || '5') || !Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    await ctx.reply(ctx.t('latest-bad-count'))
    return
  }
  await sendPage(ctx, { offset: 0, count, title: ctx.t('latest-title'), empty: ctx.t('latest-empty') })
})

composer.command('topic', async (ctx) => {
  const name = await requiredArgument(ctx, 'topic-usage')
  if (name === undefined)
    return
  const topic = ctx.topics.resolve(name)
  const language = localeOf(ctx)
  if (!topic) {
    const suggestions = ctx.topics.closest(name).map(t => `/topic ${t.slug} (${ctx.topics.name(t, language)})`).join(', ')
    await ctx.reply(ctx.t('topic-unknown', { name, suggestions }))
    return
  }
  const topicName = ctx.topics.name(topic, language)
  await sendPage(ctx, { offset: 0, count: DEFAULT_COUNT, topicId: topic.id, title: ctx.t('topic-title', { topic: topicName }), empty: ctx.t('topic-empty', { topic: topicName }) })
})

// the furthest a reader pages: beyond it a button's numbers are not ours
const MAX_OFFSET = 10_000

composer.callbackQuery(/^more:(\d{1,9}):(\d{1,5}):(\d{1,2})$/, async (ctx, next) => {
  const [topic, offset, count] = [1, 2, 3].map(i => Number(ctx.match[i])) as [number, number, number]
  if (count < 1 || count > MAX_COUNT || offset > MAX_OFFSET || (topic !== 0 && !ctx.topics.all().some(t => t.id === topic)))
    return next()
  await ctx.answerCallbackQuery()
  // the button has done its job: take it off the message it was under
  await ctx.editMessageReplyMarkup().catch(() => undefined)
  await sendPage(ctx, { offset, count, topicId: topic || undefined, title: '', empty: ctx.t('latest-no-more') })
})

// any other "more:" data was not made by us (or by this version): say so, change nothing
composer.callbackQuery(/^more:/, ctx => ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true }))

export { composer as latestFeature }
