// Console transport: the same bot and handlers, with stdin lines as messages
// from a local admin and every Bot API request answered locally and printed.
// It replaces grammY's `fetch`, so it sits below every transformer and also
// serves the Api objects that conversations build for themselves.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { Update, UserFromGetMe } from 'grammy/types'
import type { NewsBot } from '#root/bot/index.js'
import { htmlToPlain } from '#root/digest/html.js'

export const CONSOLE_BOT_INFO = {
  id: 1,
  is_bot: true,
  first_name: 'News Digest',
  username: 'news_digest_console_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe

interface InlineButton { text: string, callback_data?: string, url?: string }
interface Payload { text?: string, parse_mode?: string, message_id?: number, reply_markup?: { inline_keyboard?: InlineButton[][] } }

export interface ConsoleTransport {
  /** grammY's `client.fetch` */
  fetch: typeof fetch
  /** the buttons under the last message that had some */
  buttons: () => InlineButton[]
  lastMessageId: () => number
}

export function createConsoleTransport(output: Writable, chatId: number): ConsoleTransport {
  let messageId = 0
  let buttons: InlineButton[] = []
  const print = (text: string) => output.write(`${text}\n`)
  const chat = { id: chatId, type: 'private', first_name: 'Admin' }
  const showButtons = (keyboard: InlineButton[][]) => {
    buttons = keyboard.flat()
    print(keyboard.map(row => row.map(b => `[ ${b.text} ]`).join(' ')).join('\n'))
  }

  const answer = (result: unknown) => new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } })

  const respond = (input: string | URL | Request, init?: RequestInit): Response => {
    const method = String(input instanceof Request ? input.url : input).split('/').at(-1) ?? ''
    const payload = (typeof init?.body === 'string' ? JSON.parse(init.body) : {}) as Payload
    const keyboard = payload.reply_markup?.inline_keyboard
    switch (method) {
      case 'getMe':
        return answer(CONSOLE_BOT_INFO)
      case 'sendMessage':
      case 'editMessageText': {
        const text = payload.parse_mode === 'HTML' ? htmlToPlain(payload.text ?? '', { keepLinks: true }) : payload.text ?? ''
        print(method === 'editMessageText' ? `(edited)\n${text}` : text)
        if (keyboard)
          showButtons(keyboard)
        print('')
        const id = method === 'sendMessage' ? ++messageId : Number(payload.message_id)
        return answer({ message_id: id, date: Math.floor(Date.now() / 1000), chat, text })
      }
      case 'editMessageReplyMarkup':
        if (keyboard) {
          print('(buttons changed)')
          showButtons(keyboard)
          print('')
        }
        return answer(true)
      case 'answerCallbackQuery':
        if (payload.text)
          print(`(${payload.text})\n`)
        return answer(true)
      case 'getChatMember':
        return answer({ status: 'creator', user: { id: chatId, is_bot: false, first_name: 'Admin' } })
      default:
        return answer(true)
    }
  }
  const consoleFetch = (input: string | URL | Request, init?: RequestInit) => Promise.resolve(respond(input, init))
  return { fetch: consoleFetch, buttons: () => buttons, lastMessageId: () => messageId }
}

export interface ConsoleOptions {
  input: Readable
  transport: ConsoleTransport
  userId: number
  languageCode: string
}

/** Feeds stdin lines to the bot until the input ends; typing a button's label presses it. */
export async function runConsole(bot: NewsBot, options: ConsoleOptions): Promise<void> {
  const { input, transport, userId, languageCode } = options
  const user = { id: userId, is_bot: false, first_name: 'Admin', username: 'local_admin', language_code: languageCode }
  const chat = { id: userId, type: 'private' as const, first_name: 'Admin', username: 'local_admin' }
  let updateId = 0
  let messageId = 1_000_000
  bot.botInfo = CONSOLE_BOT_INFO

  const lines = createInterface({ input, crlfDelay: Infinity })
  for await (const raw of lines) {
    const text = raw.trim()
    if (!text)
      continue
    const date = Math.floor(Date.now() / 1000)
    const button = transport.buttons().find(b => b.callback_data !== undefined && (b.text === text || `[ ${b.text} ]` === text))
    const update: Update = button
      ? { update_id: ++updateId, callback_query: { id: String(updateId), from: user, chat_instance: 'console', data: button.callback_data, message: { message_id: transport.lastMessageId(), date, chat, text: '' } } }
      : { update_id: ++updateId, message: { message_id: ++messageId, date, chat, from: user, text, ...commandEntity(text) } }
    await bot.handleUpdate(update)
  }
}

function commandEntity(text: string) {
  const command = /^\/\S+/.exec(text)
  return command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}
}
