import type { Context } from '#root/bot/context.js'
import { localeOf } from '#root/bot/i18n.js'
import { type RenderableArticle, renderItem } from '#root/digest/render.js'

/** Renders articles for this chat: its digest language, its interface language. */
export function renderFor(ctx: Context, articles: RenderableArticle[]): string[] {
  const locale = localeOf(ctx)
  const digestLanguage = ctx.chatSettings?.digestLanguage ?? locale
  return articles.map(article => renderItem(article, { digestLanguage, locale, topics: ctx.topics, t: (key, args) => ctx.t(key, args) }))
}

export const MAX_ARGUMENT = 200

// control characters (NUL above all: PostgreSQL refuses it in text) mean nothing in an argument
const CONTROL = /\p{Cc}/gu

/** The command's argument without control characters, or undefined after telling the user it is too long. */
export async function argument(ctx: Context & { match: string }): Promise<string | undefined> {
  const text = ctx.match.replace(CONTROL, ' ').trim()
  if (text.length > MAX_ARGUMENT) {
    await ctx.reply(ctx.t('argument-too-long', { max: MAX_ARGUMENT }))
    return undefined
  }
  return text
}

/** The command's non-empty argument, or undefined after replying with `usageKey` (or that it is too long). */
export async function requiredArgument(ctx: Context & { match: string }, usageKey: string): Promise<string | undefined> {
  const text = await argument(ctx)
  if (text === '')
    await ctx.reply(ctx.t(usageKey))
  return text || undefined
}
