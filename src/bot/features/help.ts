import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'

const composer = new Composer<Context>()

composer.command('help', ctx => ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML' }))

export { composer as helpFeature }
