import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'

const composer = new Composer<Context>()

// Edits of earlier messages, service messages and the like get no answer.
// In private chats: a hint for unknown commands, plain text and media; in
// groups only commands addressed to the bot are answered.
const privateChats = composer.chatType('private')
privateChats.on('message:text', ctx => ctx.reply(ctx.t(ctx.msg.text.startsWith('/') ? 'unhandled-command' : 'unhandled-message')))
privateChats.on(['message:media', 'message:sticker', 'message:document', 'message:voice', 'message:location', 'message:contact', 'message:poll'], ctx => ctx.reply(ctx.t('unhandled-media')))
composer.chatType(['group', 'supergroup']).on('message:entities:bot_command', async (ctx) => {
  const command = ctx.msg.text?.split(/\s/)[0] ?? ''
  if (command.toLowerCase().endsWith(`@${ctx.me.username.toLowerCase()}`))
    await ctx.reply(ctx.t('unhandled-command'))
})
composer.on('callback_query', ctx => ctx.answerCallbackQuery())

export { composer as unhandledFeature }
