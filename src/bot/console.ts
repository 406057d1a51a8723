// Console transport: the same bot and handlers, with stdin lines as messages
// from a local admin and every Bot API call answered locally and printed.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { Update, UserFromGetMe } from 'grammy/types'
import type { NewsBot } from '#root/bot/index.js'

export const CONSOLE_BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'News Digest',
  username: 'news_digest_console_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
} as UserFromGetMe

export interface ConsoleOptions {
  input: Readable
  output: Writable
  userId: number
  languageCode: string
}

interface InlineButton { text: string, callback_data?: string, url?: string }

/** Telegram HTML -> what a person would read. */
export function htmlToPlain(html: string): string {
  return html.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2 ($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&')
}

export async function runConsole(bot: NewsBot, options: ConsoleOptions): Promise<void> {
  const { input, output, userId, languageCode } = options
  const user = { id: userId, is_bot: false, first_name: 'Admin', username: 'local_admin', language_code: languageCode }
  const chat = { id: userId, type: 'private' as const, first_name: 'Admin', username: 'local_admin' }
  let updateId = 0
  let messageId = 0
  let buttons: InlineButton[] = []
  const print = (text: string) => output.write(`${text}\n`)

  bot.botInfo = CONSOLE_BOT_INFO
  bot.api.config.use((_prev, method, payload) => {
    const p = payload as { text?: string, parse_mode?: string, message_id?: number, reply_markup?: unknown }
    const keyboard = (p.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard
    if (method === 'editMessageReplyMarkup' && keyboard) {
      buttons = keyboard.flat()
      print(`(buttons changed)\n${keyboard.map(row => row.map(b => `[ ${b.text} ]`).join(' ')).join('\n')}\n`)
    }
    if (method === 'sendMessage' || method === 'editMessageText') {
      const text = p.parse_mode === 'HTML' ? htmlToPlain(p.text ?? '') : p.text ?? ''
      print(method === 'editMessageText' ? `(edited)\n${text}` : text)
      if (keyboard) {
        buttons = keyboard.flat()
        print(keyboard.map(row => row.map(b => `[ ${b.text} ]`).join(' ')).join('\n'))
      }
      print('')
      const id = method === 'sendMessage' ? ++messageId : Number(p.message_id)
      return Promise.resolve({ ok: true, result: { message_id: id, date: Math.floor(Date.now() / 1000), chat, text } } as never)
    }
    if (method === 'answerCallbackQuery' && typeof p.text === 'string')
      print(`(${p.text})\n`)
    return Promise.resolve({ ok: true, result: true } as never)
  })

  const lines = createInterface({ input, crlfDelay: Infinity })
  for await (const raw of lines) {
    const text = raw.trim()
    if (!text)
      continue
    const date = Math.floor(Date.now() / 1000)
    // typing a button's label presses it
    const button = buttons.find(b => b.callback_data !== undefined && (b.text === text || `[ ${b.text} ]` === text))
    const update: Update = button
      ? { update_id: ++updateId, callback_query: { id: String(updateId), from: user, chat_instance: 'console', data: button.callback_data, message: { message_id: messageId, date, chat, text: '' } } }
      : { update_id: ++updateId, message: { message_id: ++messageId, date, chat, from: user, text, ...commandEntity(text) } }
    await bot.handleUpdate(update)
  }
}

function commandEntity(text: string) {
  const command = /^\/\S+/.exec(text)
  return command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}
}
