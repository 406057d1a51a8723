// A fake Telegram Bot API on 127.0.0.1 for grammY's `apiRoot`. It answers the way
// Telegram does: {ok, result} envelopes, 401 for a wrong token, 400 for empty or
// over-long text and malformed HTML, 429 with retry_after, 403 for blocked chats,
// 400 "chat not found", long-polling getUpdates with offset confirmation; chats
// the bot belongs to (getChat, getChatMember for itself: its rights in channels),
// forum threads (400 "message thread not found", TOPIC_CLOSED) and inline answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ChatFullInfo, ChatMember, ChatMemberAdministrator, InlineQueryResult, Message, Update, User, UserFromGetMe } from 'grammy/types'
import { parseTelegramHtml } from './telegram-html.js'

export const FAKE_TOKEN = '123456:TEST-token-for-the-fake-bot-api'
export const MAX_TEXT = 4096

export interface ApiCall {
  method: string
  payload: Record<string, unknown>
  /** HTTP status of the answer; 0 while the call is pending (a long poll). */
  status: number
}

export interface SentMessage {
  chatId: number
  messageId: number
  text: string
  html: string | undefined
  replyMarkup: unknown
  edited: boolean
  /** the forum thread it went to (message_thread_id); undefined: the General thread */
  threadId: number | undefined
  /** sent without a notification sound */
  silent: boolean
  /** link previews were not disabled */
  previews: boolean
  /** when the fake accepted it (performance.now(), ms) */
  at: number
}

type Failure = { status: number, description: string, retryAfter?: number }

/** The bot's membership in a chat: its status and, for an administrator, its rights. */
export type BotRights = Omit<Partial<ChatMemberAdministrator>, 'status'> & { status: ChatMember['status'] }

/** A chat Telegram knows: what getChat answers, and the bot's own membership there. */
export interface KnownChat {
  chat: ChatFullInfo.ChannelChat | ChatFullInfo.SupergroupChat | ChatFullInfo.GroupChat
  /** the bot's membership; a channel without it refuses getChatMember */
  bot?: ChatMember
}

export interface InlineAnswer {
  inlineQueryId: string
  results: InlineQueryResult[]
  cacheTime: number | undefined
  isPersonal: boolean | undefined
}

export class FakeBotApi {
  readonly calls: ApiCall[] = []
  readonly messages: SentMessage[] = []
  readonly blocked = new Set<number>()
  readonly missingChats = new Set<number>()
  /** chat id -> user ids who are admins there (getChatMember) */
  readonly chatAdmins = new Map<number, Set<number>>()
  /** chats getChat knows (by id and by @username), with the bot's membership */
  readonly chats = new Map<number, KnownChat>()
  /** forum supergroups: chat id -> thread id -> open or closed (a missing thread was deleted) */
  readonly forums = new Map<number, Map<number, 'open' | 'closed'>>()
  readonly inlineAnswers: InlineAnswer[] = []
  readonly botInfo: UserFromGetMe = {
    id: 123456, is_bot: true, first_name: 'Test News Bot', username: 'test_news_bot', can_join_groups: true,
    can_read_all_group_messages: false, supports_inline_queries: true, can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe

  private server: Server | undefined
  private updates: Update[] = []
  private nextUpdateId = 1
  private nextMessageId = 1
  private waiting: Array<() => void> = []
  private failures: Array<{ method: string, failure: Failure }> = []
  private chatFailures = new Map<number, Failure[]>()
  /** chats whose messages get no answer at all (and are not delivered) */
  readonly hanging = new Set<number>()
  private listeners: Array<() => void> = []

  /** Telegram's broadcast limit, when set: more sendMessage calls than this in one second get 429 */
  globalLimitPerSecond: number | undefined
  /** how many 429s the broadcast limit has given */
  limitHits = 0
  private recentSends: number[] = []

  constructor(private readonly token = FAKE_TOKEN) {}

  /** The apiRoot to give grammY. */
  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo | undefined
    if (!address)
      throw new Error('FakeBotApi is not listening')
    return `http://127.0.0.1:${address.port}`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    return this
  }

  async close(): Promise<void> {
    this.wake()
    this.server?.closeAllConnections()
    await new Promise(resolve => this.server?.close(resolve))
  }

  /** Queues an update for getUpdates; the update_id is assigned here. */
  pushUpdate(update: Omit<Update, 'update_id'>): number {
    const update_id = this.nextUpdateId++
    this.updates.push({ update_id, ...update })
    this.wake()
    return update_id
  }

  /** The next `count` calls of `method` fail as Telegram would. */
  failNext(method: string, failure: Failure, count = 1): void {
    for (let i = 0; i < count; i++)
      this.failures.push({ method, failure })
  }

  /** The next `count` messages to `chatId` fail as Telegram would. */
  failFor(chatId: number, failure: Failure, count = 1): void {
    const queue = this.chatFailures.get(chatId) ?? []
    for (let i = 0; i < count; i++)
      queue.push(failure)
    this.chatFailures.set(chatId, queue)
  }

  rateLimitNext(method: string, retryAfter: number, count = 1): void {
    this.failNext(method, { status: 429, description: `Too Many Requests: retry after ${retryAfter}`, retryAfter }, count)
  }

  messagesTo(chatId: number): SentMessage[] {
    return this.messages.filter(m => m.chatId === chatId)
  }

  /** A channel Telegram knows, with the bot as a member of the given status and rights (or not in it). */
  addChannel(id: number, options: { title: string, username?: string, bot?: BotRights }): void {
    const chat = { id, type: 'channel', title: options.title, ...(options.username ? { username: options.username } : {}) } as ChatFullInfo.ChannelChat
    this.chats.set(id, { chat, bot: options.bot ? this.botMember(options.bot) : undefined })
  }

  botMember(rights: BotRights): ChatMember {
    return { user: this.botInfo, ...rights } as ChatMember
  }

  /** Resolves once `predicate` holds (checked after every API call), or rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const now = predicate()
    if (now)
      return now
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter(l => l !== check)
        reject(new Error(`FakeBotApi.waitFor timed out after ${timeoutMs} ms; calls: ${this.calls.map(c => c.method).join(', ')}`))
      }, timeoutMs)
      const check = () => {
        const value = predicate()
        if (value) {
          clearTimeout(timer)
          this.listeners = this.listeners.filter(l => l !== check)
          resolve(value)
        }
      }
      this.listeners.push(check)
    })
  }

  /** Waits for the `n`-th message (1-based) sent to `chatId`. */
  async waitForMessage(chatId: number, n = 1, timeoutMs?: number): Promise<SentMessage> {
    return this.waitFor(() => this.messagesTo(chatId)[n - 1], timeoutMs)
  }

  private notify(): void {
    this.listeners.slice().forEach(l => l())
  }

  private wake(): void {
    const waiting = this.waiting
    this.waiting = []
    waiting.forEach(w => w())
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url?.split('?')[0] ?? '')
    const chunks: Buffer[] = []
    for await (const chunk of req)
      chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    let payload: Record<string, unknown> = {}
    if (body && req.headers['content-type']?.includes('application/json'))
      payload = JSON.parse(body) as Record<string, unknown>
    // recorded on arrival, so that a pending long poll is visible to waitFor
    const call: ApiCall = { method: match?.[2] ?? '', payload, status: 0 }
    if (match) {
      this.calls.push(call)
      this.notify()
    }
    const send = (status: number, data: unknown) => {
      call.status = status
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data))
      this.notify()
    }
    if (!match)
      return send(404, { ok: false, error_code: 404, description: 'Not Found' })
    const [, token, method] = match as unknown as [string, string, string]
    if (token !== this.token)
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' })
    if (method === 'sendMessage' && this.hanging.has(Number(payload.chat_id)))
      return
    if (method === 'sendMessage' && this.globalLimitPerSecond !== undefined) {
      const now = Date.now()
      this.recentSends = this.recentSends.filter(t => t > now - 1000)
      if (this.recentSends.length >= this.globalLimitPerSecond) {
        this.limitHits++
        return send(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } })
      }
      this.recentSends.push(now)
    }
    const failureIndex = this.failures.findIndex(f => f.method === method)
    const chatFailure = method === 'sendMessage' ? this.chatFailures.get(Number(payload.chat_id))?.shift() : undefined
    if (failureIndex !== -1 || chatFailure) {
      const failure = chatFailure ?? this.failures.splice(failureIndex, 1)[0]!.failure
      return send(failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter === undefined ? {} : { parameters: { retry_after: failure.retryAfter } }),
      })
    }
    const result = await this.call(method, payload)
    if ('error' in result)
      return send(result.error.status, { ok: false, error_code: result.error.status, description: result.error.description })
    return send(200, { ok: true, result: result.ok })
  }

  private async call(method: string, p: Record<string, unknown>): Promise<{ ok: unknown } | { error: Failure }> {
    switch (method) {
      case 'getMe':
        return { ok: this.botInfo }
      case 'getUpdates':
        return { ok: await this.getUpdates(p) }
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'sendChatAction':
      case 'answerCallbackQuery':
        return { ok: true }
      case 'sendMessage':
      case 'editMessageText':
        return this.message(method, p)
      case 'editMessageReplyMarkup': {
        const existing = this.messages.find(m => m.chatId === Number(p.chat_id) && m.messageId === Number(p.message_id))
        if (!existing)
          return { error: { status: 400, description: 'Bad Request: message to edit not found' } }
        if (JSON.stringify(existing.replyMarkup) === JSON.stringify(p.reply_markup))
          return { error: { status: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message' } }
        existing.replyMarkup = p.reply_markup
        return { ok: this.toMessage(existing) }
      }
      case 'getChat': {
        const known = this.findChat(p.chat_id)
        return known ? { ok: known.chat } : { error: { status: 400, description: 'Bad Request: chat not found' } }
      }
      case 'getChatMember': {
        const chatId = Number(p.chat_id)
        const userId = Number(p.user_id)
        const known = this.chats.get(chatId)
        const botIn = known?.bot && !['left', 'kicked'].includes(known.bot.status)
        if (known?.chat.type === 'channel' && !botIn)
          return { error: { status: 403, description: 'Forbidden: bot is not a member of the channel chat' } }
        if (userId === this.botInfo.id)
          return { ok: known?.bot ?? this.botMember({ status: 'member' }) }
        const status = this.chatAdmins.get(chatId)?.has(userId) ? 'administrator' : 'member'
        return { ok: { status, user: { id: userId, is_bot: false, first_name: 'User' } } }
      }
      case 'answerInlineQuery':
        return this.answerInlineQuery(p)
      default:
        return { error: { status: 404, description: 'Not Found: method not found' } }
    }
  }

  private findChat(id: unknown): KnownChat | undefined {
    if (typeof id === 'string' && id.startsWith('@'))
      return [...this.chats.values()].find(c => 'username' in c.chat && c.chat.username?.toLowerCase() === id.slice(1).toLowerCase())
    return this.chats.get(Number(id))
  }

  // Telegram's checks on inline answers: at most 50 results, unique ids of 1-64
  // bytes, and each message text parsed like sendMessage's
  private answerInlineQuery(p: Record<string, unknown>): { ok: unknown } | { error: Failure } {
    const results = (p.results ?? []) as InlineQueryResult[]
    const bad = (description: string) => ({ error: { status: 400, description: `Bad Request: ${description}` } })
    if (results.length > 50)
      return bad('RESULTS_TOO_MUCH')
    const ids = results.map(r => r.id)
    if (ids.some(id => typeof id !== 'string' || Buffer.byteLength(id) < 1 || Buffer.byteLength(id) > 64))
      return bad('RESULT_ID_INVALID')
    if (new Set(ids).size !== ids.length)
      return bad('RESULT_ID_DUPLICATE')
    for (const result of results) {
      const content = (result as { input_message_content?: { message_text?: string, parse_mode?: string } }).input_message_content
      if (!content)
        continue
      const parsed = content.parse_mode === 'HTML' ? parseTelegramHtml(content.message_text ?? '') : { ok: true as const, text: content.message_text ?? '' }
      if (!parsed.ok)
        return bad(`can't parse entities: ${parsed.error}`)
      if (parsed.text.trim() === '')
        return bad('MESSAGE_EMPTY')
      if (parsed.text.length > MAX_TEXT)
        return bad('MESSAGE_TOO_LONG')
    }
    this.inlineAnswers.push({ inlineQueryId: String(p.inline_query_id), results, cacheTime: p.cache_time as number | undefined, isPersonal: p.is_personal as boolean | undefined })
    return { ok: true }
  }

  private async getUpdates(p: Record<string, unknown>): Promise<Update[]> {
    const offset = Number(p.offset ?? 0)
    if (offset > 0)
      this.updates = this.updates.filter(u => u.update_id >= offset)
    if (this.updates.length === 0 && Number(p.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(Number(p.timeout), 5) * 1000)
        this.waiting.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.updates.slice(0, Number(p.limit ?? 100))
  }

  private message(method: string, p: Record<string, unknown>): { ok: unknown } | { error: Failure } {
    const chatId = Number(p.chat_id)
    if (!Number.isFinite(chatId) || this.missingChats.has(chatId))
      return { error: { status: 400, description: 'Bad Request: chat not found' } }
    if (this.blocked.has(chatId))
      return { error: { status: 403, description: 'Forbidden: bot was blocked by the user' } }
    const html = typeof p.text === 'string' ? p.text : ''
    let text = html
    if (p.parse_mode === 'HTML') {
      const parsed = parseTelegramHtml(html)
      if (!parsed.ok)
        return { error: { status: 400, description: `Bad Request: can't parse entities: ${parsed.error}` } }
      text = parsed.text
    }
    if (text.trim() === '')
      return { error: { status: 400, description: 'Bad Request: message text is empty' } }
    if (text.length > MAX_TEXT)
      return { error: { status: 400, description: 'Bad Request: message is too long' } }
    const html_ = p.parse_mode === 'HTML' ? html : undefined
    const threadId = p.message_thread_id === undefined ? undefined : Number(p.message_thread_id)
    const forum = this.forums.get(chatId)
    if (threadId !== undefined && forum && method === 'sendMessage') {
      const thread = forum.get(threadId)
      if (!thread)
        return { error: { status: 400, description: 'Bad Request: message thread not found' } }
      if (thread === 'closed')
        return { error: { status: 400, description: 'Bad Request: TOPIC_CLOSED' } }
    }
    if (method === 'editMessageText') {
      const existing = this.messages.find(m => m.chatId === chatId && m.messageId === Number(p.message_id))
      if (!existing)
        return { error: { status: 400, description: 'Bad Request: message to edit not found' } }
      if (existing.text === text && JSON.stringify(existing.replyMarkup) === JSON.stringify(p.reply_markup))
        return { error: { status: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message' } }
      Object.assign(existing, { text, html: html_, replyMarkup: p.reply_markup, edited: true })
      return { ok: this.toMessage(existing) }
    }
    const previews = !(p.link_preview_options as { is_disabled?: boolean } | undefined)?.is_disabled
    const sent: SentMessage = { chatId, messageId: this.nextMessageId++, text, html: html_, replyMarkup: p.reply_markup, edited: false, at: performance.now(), threadId, silent: p.disable_notification === true, previews }
    this.messages.push(sent)
    return { ok: this.toMessage(sent) }
  }

  private toMessage(m: SentMessage): Message {
    const known = this.chats.get(m.chatId)?.chat
    return {
      message_id: m.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: known ?? (m.chatId > 0 ? { id: m.chatId, type: 'private', first_name: 'User' } : { id: m.chatId, type: 'supergroup', title: 'Group' }),
      from: this.botInfo,
      text: m.text,
      ...(m.threadId === undefined ? {} : { message_thread_id: m.threadId, is_topic_message: true }),
    }
  }
}

let counter = 0

/** The most messages that arrived within any one second. */
export function busiestSecond(messages: SentMessage[]): number {
  const times = messages.map(m => m.at)
  return Math.max(0, ...times.map(t => times.filter(u => u >= t && u < t + 1000).length))
}

/** A button press on the bot's message `messageId` in the user's private chat (or the given chat). */
export function callbackQuery(data: string, options: { userId?: number, languageCode?: string, chatId?: number, messageId: number, senderChat?: { id: number, title: string } }): Omit<Update, 'update_id'> {
  const userId = options.userId ?? 1001
  const chatId = options.chatId ?? userId
  return {
    callback_query: {
      id: String(++counter),
      from: { id: userId, is_bot: false, first_name: 'Test', language_code: options.languageCode ?? 'en' },
      chat_instance: String(chatId),
      data,
      message: {
        message_id: options.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: chatId > 0 ? { id: chatId, type: 'private', first_name: 'Test' } : { id: chatId, type: 'supergroup', title: 'Group' },
        text: '',
        ...(options.senderChat ? { sender_chat: { ...options.senderChat, type: 'supergroup' as const } } : {}),
      },
    },
  }
}

/** A text message update from a user in a private chat (or the given chat, or a forum thread of it). */
export function textMessage(text: string, options: { userId?: number, languageCode?: string, chat?: Message['chat'], threadId?: number, forwardOrigin?: Message['forward_origin'] } = {}): Omit<Update, 'update_id'> {
  const userId = options.userId ?? 1001
  const command = /^\/\S+/.exec(text)
  return {
    message: {
      message_id: ++counter,
      date: Math.floor(Date.now() / 1000),
      chat: options.chat ?? { id: userId, type: 'private', first_name: 'Test' },
      from: { id: userId, is_bot: false, first_name: 'Test', language_code: options.languageCode ?? 'en' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      // Telegram marks messages in a forum's topic threads; the General thread's have neither field
      ...(options.threadId === undefined ? {} : { message_thread_id: options.threadId, is_topic_message: true }),
      ...(options.forwardOrigin ? { forward_origin: options.forwardOrigin } : {}),
    },
  } as Omit<Update, 'update_id'>
}

/** A post in a channel, as channel_post (no sender user). */
export function channelPost(text: string, chat: { id: number, title: string, username?: string }): Omit<Update, 'update_id'> {
  const command = /^\/\S+/.exec(text)
  return {
    channel_post: {
      message_id: ++counter,
      date: Math.floor(Date.now() / 1000),
      chat: { ...chat, type: 'channel' },
      sender_chat: { ...chat, type: 'channel' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  }
}

/** The bot's own membership changed in `chat` (my_chat_member): added, promoted, removed, blocked. */
export function myChatMember(chat: Message['chat'], change: { from?: Partial<User> & { id: number }, old: ChatMember, new: ChatMember }): Omit<Update, 'update_id'> {
  return {
    my_chat_member: {
      chat,
      from: { is_bot: false, first_name: 'Test', language_code: 'en', ...change.from } as User,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: change.old,
      new_chat_member: change.new,
    },
  }
}

/** `@bot <query>` typed by a user in any chat. */
export function inlineQuery(query: string, options: { userId?: number, languageCode?: string } = {}): Omit<Update, 'update_id'> {
  return {
    inline_query: {
      id: `iq${++counter}`,
      from: { id: options.userId ?? 1001, is_bot: false, first_name: 'Test', language_code: options.languageCode ?? 'en' },
      query,
      offset: '',
    },
  }
}
