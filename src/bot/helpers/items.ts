import type { Context } from '#root/bot/context.js'
import { localeOf } from '#root/bot/i18n.js'
import type { RenderOptions } from '#root/digest/render.js'
import { type RenderableStory, renderStory } from '#root/digest/story-item.js'

/** The bot's username for share links; none in console mode, where a link leads nowhere. */
export function shareVia(ctx: Context): string | undefined {
  return ctx.config.botMode === 'console' ? undefined : ctx.me.username
}

/** This chat's way of reading: its digest language, its interface language. */
export function renderOptionsFor(ctx: Context): RenderOptions {
  const locale = localeOf(ctx)
  return { digestLanguage: ctx.chatSettings?.digestLanguage ?? locale, locale, topics: ctx.topics, t: (key, args) => ctx.t(key, args), shareVia: shareVia(ctx) }
}

/** Renders stories for this chat, one item each. */
export function renderFor(ctx: Context, stories: RenderableStory[]): string[] {
  const options = renderOptionsFor(ctx)
  return stories.map(story => renderStory(story, options))
}

/** The stems of this chat's muted words (none before it has settings). */
export async function mutedOf(ctx: Context): Promise<string[]> {
  return ctx.chatSettings && ctx.chat ? (await ctx.repos.muted.list(ctx.chat.id)).map(m => m.stems) : []
}

export const MAX_ARGUMENT = 200

// control characters (NUL above all: PostgreSQL refuses it in text) mean nothing in an argument
const CONTROL = /\p{Cc}/gu

/** Free text where no error can be shown (an inline query): without control characters, cut to MAX_ARGUMENT. */
export function cleanArgument(text: string): string {
  return [...text.replace(CONTROL, ' ').trim()].slice(0, MAX_ARGUMENT).join('').trim()
}

/** The command's argument without control characters, or undefined after telling the user it is too long. */
export async function argument(ctx: Context & { match: string }): Promise<string | undefined> {
  const text = ctx.match.replace(CONTROL, ' ').trim()
  if (text.length > MAX_ARGUMENT) {
    await ctx.reply(ctx.t('argument-too-long', { max: MAX_ARGUMENT }))
    return undefined
  }
  return text
}

const ON = /^(on|yes|вкл|включить|да)$/i
const OFF = /^(off|no|выкл|выключить|нет)$/i

/** on/off in English or Russian: true, false, or undefined for anything else. */
export function parseSwitch(value: string): boolean | undefined {
  return ON.test(value) ? true : OFF.test(value) ? false : undefined
}

/** The command's non-empty argument, or undefined after replying with `usageKey` (or that it is too long). */
export async function requiredArgument(ctx: Context & { match: string }, usageKey: string): Promise<string | undefined> {
  const text = await argument(ctx)
  if (text === '')
    await ctx.reply(ctx.t(usageKey))
  return text || undefined
}
