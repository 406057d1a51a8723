import type { Context } from '#root/bot/context.js'

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
  const member = await ctx.getChatMember(ctx.from.id)
  return member.status === 'creator' || member.status === 'administrator'
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
