import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'

const composer = new Composer<Context>()

// Private chats get a hint; groups are left alone unless the bot was addressed.
const privateChats = composer.chatType('private')
privateChats.on('message:text', ctx => ctx.reply(ctx.t(ctx.msg.text.startsWith('/') ? 'unhandled-command' : 'unhandled-message')))
composer.on('callback_query', ctx => ctx.answerCallbackQuery())

export { composer as unhandledFeature }
