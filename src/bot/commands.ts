// The command menu, localised: everyone's list in English (default) and Russian,
// group admins' with /here (forum threads), and the bot admins' longer list in
// their own chats.
import type { I18n } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import type { BotCommand } from 'grammy/types'
import type { Context } from '#root/bot/context.js'

export const USER_COMMANDS = ['start', 'help', 'latest', 'topic', 'topics', 'subscribe', 'unsubscribe', 'subscriptions', 'digest', 'search', 'lang', 'time', 'tz', 'mute', 'unmute', 'muted', 'previews', 'silent', 'stop']
export const GROUP_ADMIN_COMMANDS = ['here']
export const ADMIN_COMMANDS = ['post', 'cancel', 'delete', 'stats', 'addsource', 'sources', 'removesource', 'channel', 'channels']

function list(i18n: I18n<Context>, locale: string, names: string[]): BotCommand[] {
  return names.map(command => ({ command, description: i18n.t(locale, `${command}.description`) }))
}

export async function registerCommands(api: Api, i18n: I18n<Context>, adminIds: number[]): Promise<void> {
  await api.setMyCommands(list(i18n, 'en', USER_COMMANDS))
  await api.setMyCommands(list(i18n, 'ru', USER_COMMANDS), { language_code: 'ru' })
  await api.setMyCommands(list(i18n, 'en', [...USER_COMMANDS, ...GROUP_ADMIN_COMMANDS]), { scope: { type: 'all_chat_administrators' } })
  await api.setMyCommands(list(i18n, 'ru', [...USER_COMMANDS, ...GROUP_ADMIN_COMMANDS]), { scope: { type: 'all_chat_administrators' }, language_code: 'ru' })
  for (const chatId of adminIds) {
    await api.setMyCommands(list(i18n, 'en', [...USER_COMMANDS, ...ADMIN_COMMANDS]), { scope: { type: 'chat', chat_id: chatId } })
    await api.setMyCommands(list(i18n, 'ru', [...USER_COMMANDS, ...ADMIN_COMMANDS]), { scope: { type: 'chat', chat_id: chatId }, language_code: 'ru' })
  }
}
