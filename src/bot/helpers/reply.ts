// Sends HTML split at item boundaries below Telegram's limit; if Telegram still
// rejects the formatting, the same text goes out as plain text rather than not at all.
import { GrammyError, type InlineKeyboard } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { htmlToPlain } from '#root/digest/html.js'
import { packMessages } from '#root/digest/split.js'

function isFormattingError(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /can't parse entities|unsupported start tag|can't find end/i.test(error.description)
}

export async function sendHtml(ctx: Context, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const extra = { link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) }
  try {
    await ctx.reply(html, { parse_mode: 'HTML', ...extra })
  }
  catch (error) {
    if (!isFormattingError(error))
      throw error
    ctx.logger.warn({ msg: 'Telegram rejected the formatting; sending plain text', err: error })
    await ctx.reply(`${htmlToPlain(html, { keepLinks: true })}\n\n${ctx.t('error-formatting')}`, extra)
  }
}

/** Parts (a header, then items) packed into as few messages as fit; the keyboard goes under the last one. */
export async function sendParts(ctx: Context, parts: string[], keyboard?: InlineKeyboard): Promise<void> {
  const messages = packMessages(parts)
  for (const [i, message] of messages.entries())
    await sendHtml(ctx, message, i === messages.length - 1 ? keyboard : undefined)
}
