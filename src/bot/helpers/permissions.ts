import type { ChatMember } from 'grammy/types'
import type { Context } from '#root/bot/context.js'

/** A chat's creator or one of its administrators. */
export function isAdminMember(member: ChatMember): boolean {
  return member.status === 'creator' || member.status === 'administrator'
}

/**
 * Whether the bot, as this member, can post in a chat of this type: in a
 * channel only as an administrator with the right to post; in a group as any
 * member whose messages are not restricted; in a private chat unless blocked.
 */
export function botCanPost(chatType: string, member: ChatMember): boolean {
  if (chatType === 'channel')
    return member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages === true)
  if (member.status === 'restricted')
    return member.is_member && member.can_send_messages
  return member.status !== 'left' && member.status !== 'kicked'
}

/** A bot admin (ADMIN_IDS). */
export function isBotAdmin(ctx: Context): boolean {
  return ctx.from !== undefined && ctx.config.adminIds.includes(ctx.from.id)
}

/**
 * Whether the sender may change this chat's settings: anyone in a private chat,
 * the group's own admins in a group (anonymous admins post as the group itself).
 * A button press is judged by its presser (callback_query.from): the message
 * under the button is the bot's, whoever its sender_chat names.
 */
export async function canChangeSettings(ctx: Context): Promise<boolean> {
  if (!ctx.chat || ctx.chat.type === 'private')
    return true
  if (!ctx.callbackQuery && ctx.message?.sender_chat?.id === ctx.chat.id)
    return true
  if (!ctx.from)
    return false
  return isAdminMember(await ctx.getChatMember(ctx.from.id))
}

/** Tells the sender and returns false when they may not change settings here. */
export async function requireSettingsRights(ctx: Context): Promise<boolean> {
  if (await canChangeSettings(ctx))
    return true
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery({ text: ctx.t('settings-admins-only'), show_alert: true })
  else
    await ctx.reply(ctx.t('settings-admins-only'))
  return false
}
