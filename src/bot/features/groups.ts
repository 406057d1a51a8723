import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'

const composer = new Composer<Context>()

// a group upgraded to a supergroup gets a new id: its settings move with it
composer.on('message:migrate_to_chat_id', async (ctx) => {
  await ctx.repos.chats.migrate(ctx.chat.id, ctx.msg.migrate_to_chat_id)
  ctx.logger.info({ msg: 'Chat migrated', from: ctx.chat.id, to: ctx.msg.migrate_to_chat_id })
})

export { composer as groupsFeature }
