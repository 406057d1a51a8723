import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { isBotAdmin } from '#root/bot/helpers/permissions.js'

const composer = new Composer<Context>()

composer.command('help', (ctx) => {
  const help = ctx.t('help-text', { bot: ctx.me.username })
  return ctx.reply(isBotAdmin(ctx) ? `${help}\n\n${ctx.t('help-admin')}` : help, { parse_mode: 'HTML' })
})

export { composer as helpFeature }
