// /digest: the digest as it would be pushed now; /search.
import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { requiredArgument, renderFor } from '#root/bot/helpers/items.js'
import { sendParts } from '#root/bot/helpers/reply.js'
import { escapeHtml } from '#root/digest/html.js'
import { composeDigest } from '#root/digest/compose.js'

const SEARCH_RESULTS = 10
/** reports looked at for that many stories: a story reported by several outlets is one result */
const SEARCH_REPORTS = 30

const composer = new Composer<Context>()

composer.command('digest', async (ctx) => {
  const topicIds = ctx.chatSettings ? await ctx.repos.chats.subscriptions(ctx.chat.id) : []
  if (topicIds.length === 0)
    return ctx.reply(ctx.t('digest-no-topics'))
  const digest = await composeDigest(ctx.repos.stories, ctx.chat.id, ctx.chatSettings?.lastDigestAt ?? null, ctx.now())
  if (digest.items.length === 0)
    return ctx.reply(ctx.t('digest-nothing-new'))
  const tail = digest.more > 0 ? [ctx.t('digest-more', { count: digest.more })] : []
  return sendParts(ctx, [ctx.t('digest-title'), ...renderFor(ctx, digest.items), ...tail])
})

composer.command('search', async (ctx) => {
  const query = await requiredArgument(ctx, 'search-usage')
  if (query === undefined)
    return
  // topics named in the query add their names in both languages: "талибов" finds English articles too
  const alternatives = ctx.topics.mentioned(query).flatMap(topic => [topic.nameEn, topic.nameRu, ...topic.aliasesEn, ...topic.aliasesRu])
  const hits = await ctx.repos.articles.search(query, alternatives, SEARCH_REPORTS)
  const found = await ctx.repos.stories.itemsOfReports(hits.map(hit => hit.id), SEARCH_RESULTS)
  if (found.length === 0)
    return ctx.reply(ctx.t('search-empty', { query }))
  return sendParts(ctx, [ctx.t('search-title', { query: escapeHtml(query) }), ...renderFor(ctx, found)])
})

export { composer as digestFeature }
