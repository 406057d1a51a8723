// A person in a chat with the bot, over the fake Bot API: send text or press
// buttons, read the bot's replies.
import type { FakeBotApi, SentMessage } from './fake-bot-api.js'
import { callbackQuery, textMessage } from './fake-bot-api.js'

export interface InlineButton { text: string, callback_data?: string, url?: string }

export class TestChat {
  /** `forum`: the group is a forum; `threadId`: this person writes in that topic thread (undefined: General). */
  constructor(private readonly api: FakeBotApi, readonly userId: number, readonly languageCode = 'en', readonly chatId = userId, readonly place: { forum?: boolean, threadId?: number } = {}) {}

  private chat() {
    return this.chatId === this.userId ? undefined : { id: this.chatId, type: 'supergroup' as const, title: 'Test group', ...(this.place.forum ? { is_forum: true as const } : {}) }
  }

  /** The bot's messages here (in a forum: in this thread only). */
  get messages(): SentMessage[] {
    const all = this.api.messagesTo(this.chatId)
    return this.place.forum ? all.filter(m => m.threadId === this.place.threadId) : all
  }

  /** Sends `text` and waits until the bot has sent `replies` new messages here. */
  async send(text: string, replies = 1): Promise<SentMessage[]> {
    const before = this.messages.length
    this.api.pushUpdate(textMessage(text, { userId: this.userId, languageCode: this.languageCode, chat: this.chat(), threadId: this.place.threadId }))
    await this.api.waitFor(() => this.messages.length >= before + replies)
    return this.messages.slice(before)
  }

  /** Sends `text` and returns the text of the first reply. */
  async ask(text: string): Promise<string> {
    return (await this.send(text))[0]!.text
  }

  /** Presses the button labelled `label` (or matching it) under `message`; waits for `edits` edits or `replies` new messages. */
  async press(message: SentMessage, label: string | RegExp, expect: { replies?: number, edit?: boolean } = { replies: 1 }): Promise<SentMessage[]> {
    const button = buttons(message).find(b => typeof label === 'string' ? b.text === label : label.test(b.text))
    if (!button?.callback_data)
      throw new Error(`No button ${String(label)} under the message; buttons: ${buttons(message).map(b => b.text).join(', ')}`)
    const before = this.messages.length
    const answered = this.api.calls.filter(c => c.method === 'answerCallbackQuery').length
    const markup = JSON.stringify(message.replyMarkup)
    this.api.pushUpdate(callbackQuery(button.callback_data, { userId: this.userId, languageCode: this.languageCode, chatId: this.chatId, messageId: message.messageId }))
    if (expect.edit)
      await this.api.waitFor(() => JSON.stringify(message.replyMarkup) !== markup)
    else
      await this.api.waitFor(() => this.messages.length >= before + (expect.replies ?? 1) && this.api.calls.filter(c => c.method === 'answerCallbackQuery').length > answered)
    return this.messages.slice(before)
  }
}

export function buttons(message: SentMessage): InlineButton[] {
  return ((message.replyMarkup as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard ?? []).flat()
}
