import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { isBotAdmin } from '#root/bot/helpers/permissions.js'

const composer = new Composer<Context>()

composer.command('help', ctx => ctx.reply(isBotAdmin(ctx) ? `${ctx.t('help-text')}\n\n${ctx.t('help-admin')}` : ctx.t('help-text'), { parse_mode: 'HTML' }))

export { composer as helpFeature }
