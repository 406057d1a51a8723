// Inline mode: `@bot <query>` in any chat offers items to share. A topic name
// in either language shows that topic, `#<id>` one item (the share button's
// query), other words search like /search, nothing shows the latest. Each
// result's message is the item rendered in the user's own digest language.
import { Composer, InlineQueryResultBuilder } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { cleanArgument, renderFor } from '#root/bot/helpers/items.js'
import { localeOf } from '#root/bot/i18n.js'
import type { StoryItem } from '#root/db/repositories/story-repository.js'
import { leadReport } from '#root/digest/story-item.js'
import { clip } from '#root/news/text.js'

/** Telegram shows them in a strip: a screenful, and well under its limit of 50 */
export const INLINE_RESULTS = 20
/** seconds Telegram may answer the same query from its cache: news changes */
export const INLINE_CACHE_SECONDS = 10

const composer = new Composer<Context>()

/** Stories, one result each (a search's reports of one story count once). */
async function find(ctx: Context, query: string): Promise<StoryItem[]> {
  if (query === '')
    return ctx.repos.stories.latest({ limit: INLINE_RESULTS })
  const id = /^#(\d{1,9})$/.exec(query)
  if (id)
    return ctx.repos.stories.itemsOfReports([Number(id[1])])
  const topic = ctx.topics.named(query)
  if (topic)
    return ctx.repos.stories.latest({ limit: INLINE_RESULTS, topicId: topic.id })
  const alternatives = ctx.topics.mentioned(query).flatMap(t => [t.nameEn, t.nameRu, ...t.aliasesEn, ...t.aliasesRu])
  const hits = await ctx.repos.articles.search(query, alternatives, INLINE_RESULTS * 3)
  return ctx.repos.stories.itemsOfReports(hits.map(hit => hit.id), INLINE_RESULTS)
}

composer.on('inline_query', async (ctx) => {
  // the query is bounded like a command's argument (Telegram allows 256 characters)
  const query = cleanArgument(ctx.inlineQuery.query)
  // the user's own settings (their private chat with the bot), if they have any
  ctx.chatSettings = (await ctx.repos.chats.find(ctx.from.id)) ?? undefined
  await ctx.i18n.renegotiateLocale()
  const stories = (await find(ctx, query)).slice(0, INLINE_RESULTS)
  const language = ctx.chatSettings?.digestLanguage === 'both' ? localeOf(ctx) : ctx.chatSettings?.digestLanguage ?? localeOf(ctx)
  const messages = renderFor(ctx, stories)
  const results = stories.map((story, i) => {
    const lead = leadReport(story, language)
    const article = story.reports.find(report => report === lead) ?? story.reports[0]!
    const summary = article.summaries.find(s => s.language === language) ?? article.summaries.find(s => s.language === article.language)
    return InlineQueryResultBuilder.article(`item-${article.id}`, clip(summary?.title ?? article.title, 120), { description: clip(summary?.teaser ?? summary?.text ?? '', 150) })
      .text(messages[i]!, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
  })
  await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: true })
})

export { composer as inlineFeature }
