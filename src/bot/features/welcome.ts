import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { uiLanguageFor } from '#root/bot/i18n.js'

const composer = new Composer<Context>()

composer.command('start', async (ctx) => {
  const chat = ctx.chat
  ctx.chatSettings = await ctx.repos.chats.register({
    id: chat.id,
    type: chat.type,
    title: chat.type === 'private' ? null : chat.title,
    uiLanguage: ctx.chatSettings?.uiLanguage ?? uiLanguageFor(ctx.from?.language_code),
    timeZone: ctx.config.defaultTimeZone,
    digestTime: ctx.config.defaultDigestTime,
  })
  await ctx.i18n.renegotiateLocale()
  ctx.logger.info({ msg: 'Chat registered', chat_id: chat.id, ui_language: ctx.chatSettings.uiLanguage })
  if (chat.type === 'private')
    await ctx.reply(ctx.t('start-greeting', { name: ctx.from?.first_name ?? '' }))
  else
    await ctx.reply(ctx.t('start-greeting-group'))
})

export { composer as welcomeFeature }
