// Inline mode: `@bot <query>` in any chat offers items to share. A topic name
// in either language shows that topic, `#<id>` one item (the share button's
// query), other words search like /search, nothing shows the latest. Each
// result's message is the item rendered in the user's own digest language.
import { Composer, InlineQueryResultBuilder } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { cleanArgument, renderFor } from '#root/bot/helpers/items.js'
import { localeOf } from '#root/bot/i18n.js'
import type { ArticleWithSummaries } from '#root/db/repositories/article-repository.js'
import { clip } from '#root/news/text.js'

/** Telegram shows them in a strip: a screenful, and well under its limit of 50 */
export const INLINE_RESULTS = 20
/** seconds Telegram may answer the same query from its cache: news changes */
export const INLINE_CACHE_SECONDS = 10

const composer = new Composer<Context>()

async function find(ctx: Context, query: string): Promise<ArticleWithSummaries[]> {
  if (query === '')
    return ctx.repos.articles.latest(INLINE_RESULTS)
  const id = /^#(\d{1,9})$/.exec(query)
  if (id)
    return ctx.repos.articles.byIds([Number(id[1])])
  const topic = ctx.topics.named(query)
  if (topic)
    return ctx.repos.articles.latest(INLINE_RESULTS, 0, topic.id)
  const alternatives = ctx.topics.mentioned(query).flatMap(t => [t.nameEn, t.nameRu, ...t.aliasesEn, ...t.aliasesRu])
  return ctx.repos.articles.search(query, alternatives, INLINE_RESULTS)
}

composer.on('inline_query', async (ctx) => {
  // the query is bounded like a command's argument (Telegram allows 256 characters)
  const query = cleanArgument(ctx.inlineQuery.query)
  // the user's own settings (their private chat with the bot), if they have any
  ctx.chatSettings = (await ctx.repos.chats.find(ctx.from.id)) ?? undefined
  await ctx.i18n.renegotiateLocale()
  const articles = (await find(ctx, query)).slice(0, INLINE_RESULTS)
  const language = ctx.chatSettings?.digestLanguage === 'both' ? localeOf(ctx) : ctx.chatSettings?.digestLanguage ?? localeOf(ctx)
  const messages = renderFor(ctx, articles)
  const results = articles.map((article, i) => {
    const summary = article.summaries.find(s => s.language === language) ?? article.summaries.find(s => s.language === article.language)
    return InlineQueryResultBuilder.article(`item-${article.id}`, clip(summary?.title ?? article.title, 120), { description: clip(summary?.teaser ?? summary?.text ?? '', 150) })
      .text(messages[i]!, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
  })
  await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: true })
})

export { composer as inlineFeature }
