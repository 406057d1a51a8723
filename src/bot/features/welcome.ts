import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { registerChat } from '#root/bot/helpers/chat.js'
import { requireSettingsRights } from '#root/bot/helpers/permissions.js'
import { topicsKeyboard } from '#root/bot/keyboards/topics.js'

const composer = new Composer<Context>()

composer.command('start', async (ctx) => {
  const chat = ctx.chat
  const before = ctx.chatSettings
  if (before && chat.type !== 'private' && !(await requireSettingsRights(ctx)))
    return
  const registered = await registerChat(ctx)
  await ctx.i18n.renegotiateLocale()
  ctx.logger.info({ msg: before ? 'Chat resumed' : 'Chat registered', chat_id: chat.id })
  if (before && before.state !== 'active') {
    await ctx.reply(ctx.t('start-resumed'))
    return
  }
  const chosen = new Set(await ctx.repos.chats.subscriptions(chat.id))
  const keyboard = topicsKeyboard(ctx.topics.all(), chosen, registered.uiLanguage, 'sub')
  const greeting = chat.type === 'private' ? ctx.t('start-greeting', { name: ctx.from?.first_name ?? '' }) : ctx.t('start-greeting-group')
  await ctx.reply(greeting, { reply_markup: keyboard })
})

composer.command('stop', async (ctx) => {
  if (!ctx.chatSettings)
    return ctx.reply(ctx.t('stop-already'))
  if (!(await requireSettingsRights(ctx)))
    return
  if (ctx.chatSettings.state === 'paused')
    return ctx.reply(ctx.t('stop-already'))
  await ctx.repos.chats.update(ctx.chat.id, { state: 'paused' })
  return ctx.reply(ctx.t('stop-done'))
})

export { composer as welcomeFeature }
