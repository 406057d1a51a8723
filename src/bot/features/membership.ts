// my_chat_member: Telegram tells the bot at once when it is added to a chat,
// promoted or restricted, removed, or blocked by a user. Removed, kicked,
// blocked or no longer allowed to post: the chat is blocked at once (no failed
// send needed), its settings kept. Added to a group or channel: the chat is
// registered (or resumes with its old settings) and a group is greeted. A user
// who unblocks the bot resumes with /start.
import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { registerChat } from '#root/bot/helpers/chat.js'
import { botCanPost } from '#root/bot/helpers/permissions.js'
import { topicsKeyboard } from '#root/bot/keyboards/topics.js'

const composer = new Composer<Context>()

composer.on('my_chat_member', async (ctx) => {
  const { chat, old_chat_member: before, new_chat_member: now } = ctx.myChatMember
  const log = { chat_id: chat.id, chat_type: chat.type, from: before.status, to: now.status }
  const known = ctx.chatSettings
  if (!botCanPost(chat.type, now)) {
    if (known && known.state !== 'blocked') {
      await ctx.repos.chats.block(BigInt(chat.id))
      ctx.logger.info({ msg: 'Removed from a chat: marked blocked', ...log })
    }
    return
  }
  // a private chat unblocked, or rights changed without taking posting away: nothing to do
  if (chat.type === 'private' || (botCanPost(chat.type, before) && known))
    return
  const back = known?.state === 'blocked'
  const registered = await registerChat(ctx)
  ctx.logger.info({ msg: back ? 'Back in a chat: resumed' : 'Added to a chat: registered', ...log })
  // channels are managed from an admin's private chat (/channels); a group that
  // never went away (its upgrade to a supergroup) is not greeted twice
  if (chat.type === 'channel' || (known && !back))
    return
  await ctx.i18n.renegotiateLocale()
  const chosen = new Set(await ctx.repos.chats.subscriptions(chat.id))
  await ctx.reply(ctx.t(back ? 'member-back-group' : 'start-greeting-group'), { reply_markup: topicsKeyboard(ctx.topics.all(), chosen, registered.uiLanguage, 'sub') })
})

export { composer as membershipFeature }
