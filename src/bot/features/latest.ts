import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { renderLatest } from '#root/bot/helpers/render-latest.js'

const LATEST_COUNT = 5

const composer = new Composer<Context>()

composer.command('latest', async (ctx) => {
  const articles = await ctx.repos.articles.latest(LATEST_COUNT)
  if (articles.length === 0)
    return ctx.reply(ctx.t('latest-empty'))
  return ctx.reply(renderLatest(articles, ctx.t.bind(ctx)), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
})

export { composer as latestFeature }
