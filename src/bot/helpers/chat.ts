import type { Context } from '#root/bot/context.js'
import { uiLanguageFor } from '#root/bot/i18n.js'

/**
 * Registers the chat with the configured defaults, or resumes it (a paused or
 * blocked chat becomes active; its settings are kept), and keeps the result on ctx.
 */
export async function registerChat(ctx: Context): Promise<NonNullable<Context['chatSettings']>> {
  const chat = ctx.chat!
  ctx.chatSettings = await ctx.repos.chats.register({
    id: chat.id,
    type: chat.type,
    title: chat.type === 'private' ? null : chat.title ?? null,
    uiLanguage: uiLanguageFor(ctx.from?.language_code),
    timeZone: ctx.config.defaultTimeZone,
    digestTime: ctx.config.defaultDigestTime,
  })
  return ctx.chatSettings
}

/** Settings need a registered chat: register it on first use, as /start would. */
export async function ensureChat(ctx: Context): Promise<void> {
  if (!ctx.chatSettings && ctx.chat)
    await registerChat(ctx)
}
