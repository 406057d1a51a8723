import type { I18n } from '@grammyjs/i18n'
import type { ErrorHandler } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { uiLanguageFor } from '#root/bot/i18n.js'

// Uses the I18n instance directly: the failure may have happened before the
// i18n middleware gave the context its `t`.
export function createErrorHandler(i18n: I18n<Context>): ErrorHandler<Context> {
  return async (error) => {
    const { ctx } = error
    // ids, not the update: it holds people's messages
    ctx.logger.error({ msg: 'Update failed', err: error.error, update_id: ctx.update.update_id, chat_id: ctx.chat?.id, user_id: ctx.from?.id })
    if (ctx.chat === undefined)
      return
    const locale = ctx.chatSettings?.uiLanguage ?? uiLanguageFor(ctx.from?.language_code)
    try {
      await ctx.api.sendMessage(ctx.chat.id, i18n.t(locale, 'error-generic'))
    }
    catch (replyError) {
      ctx.logger.warn({ msg: 'Could not send the apology', err: replyError })
    }
  }
}
