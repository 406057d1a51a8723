// Sends what the outbox holds: claims due rows, renders them for each chat,
// sends them within Telegram's limits and records each accepted message.
//
// Exactly once: a row is marked after every message Telegram accepts, so a
// restart resumes after the last accepted part. The one window for a duplicate
// is a message Telegram accepted whose answer never reached us (the process died
// or the network failed between Telegram's acceptance and our write); the row is
// then retried once its lease (LEASE_MS) has run out and that one message goes again.
import type { I18n } from '@grammyjs/i18n'
import { type Api, GrammyError, HttpError } from 'grammy'
import type { Context } from '#root/bot/context.js'
import type { ClaimedDelivery } from '#root/db/repositories/delivery-repository.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { StoryItem } from '#root/db/repositories/story-repository.js'
import { DIGEST_ITEMS } from '#root/digest/compose.js'
import { htmlToPlain } from '#root/digest/html.js'
import { leadReport, renderStory } from '#root/digest/story-item.js'
import { packMessages } from '#root/digest/split.js'
import { byThread } from '#root/digest/threads.js'
import type { Limiter } from '#root/delivery/limits.js'
import { createTtlCache } from '#root/db/ttl-cache.js'
import type { Logger } from '#root/logger.js'
import type { TopicDirectory } from '#root/news/topic-directory.js'

export const LEASE_MS = 60_000
export const MAX_ATTEMPTS = 5
const BATCH = 100

export interface SenderDependencies {
  api: Api
  repos: Repositories
  topics: TopicDirectory
  i18n: I18n<Context>
  logger: Logger
  limiter: Limiter
  /** allow_paid_broadcast: for bots that pay for more than 30 messages a second */
  paidBroadcast?: boolean
  /** the bot's username: items get share links */
  shareVia?: string
  /** pause between polls of an empty outbox */
  idleMs?: number
  /** how long a claim holds before another sender may take the row over */
  leaseMs?: number
}

/** One message of a delivery, and the forum thread it goes to (undefined: General). */
interface OutboxMessage {
  html: string
  threadId: number | undefined
}

/** Telegram refuses a forum thread that was deleted or closed. */
function isThreadGone(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message thread not found|TOPIC_CLOSED|TOPIC_DELETED|TOPIC_ID_INVALID/i.test(error.description)
}

type Outcome = { kind: 'sent' } | { kind: 'retry', afterMs: number, error: string } | { kind: 'failed', error: string } | { kind: 'blocked', error: string }

function classify(error: unknown, attempts: number): Outcome {
  const backoff = Math.min(2 ** attempts * 1000, 5 * 60_000)
  if (error instanceof GrammyError) {
    if (error.error_code === 429)
      return { kind: 'retry', afterMs: (error.parameters.retry_after ?? 1) * 1000, error: error.description }
    if (error.error_code === 403 || (error.error_code === 400 && /chat not found|user is deactivated|group chat was upgraded|have no rights/i.test(error.description)))
      return { kind: 'blocked', error: error.description }
    if (error.error_code >= 500)
      return attempts < MAX_ATTEMPTS ? { kind: 'retry', afterMs: backoff, error: error.description } : { kind: 'failed', error: error.description }
    return { kind: 'failed', error: error.description }
  }
  const message = error instanceof HttpError ? error.message : String(error)
  return attempts < MAX_ATTEMPTS ? { kind: 'retry', afterMs: backoff, error: message } : { kind: 'failed', error: message }
}

export function createSender(deps: SenderDependencies) {
  const { api, repos, topics, i18n, logger, limiter } = deps
  let running = false
  let loop: Promise<void> | undefined
  let wake: (() => void) | undefined

  // a push sends the same story to every subscriber: load it once a round
  const storyCache = createTtlCache<StoryItem[]>(5000, 1000)

  /** The messages of a delivery as this chat should read them now: in a forum, each item in its topic's thread. */
  async function render(delivery: ClaimedDelivery): Promise<OutboxMessage[] | undefined> {
    const { chat } = delivery
    if (chat.state === 'blocked')
      return undefined
    const ids = delivery.articleIds.slice(0, delivery.kind === 'digest' ? DIGEST_ITEMS : 1)
    // one item per story, however many outlets it has by now
    const stories = await storyCache.get(ids.join(','), () => repos.stories.itemsOfReports(ids))
    if (stories.length === 0)
      return []
    const locale = chat.uiLanguage
    const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args)
    const item = (story: StoryItem) => renderStory(story, { digestLanguage: chat.digestLanguage, locale, topics, t, shareVia: deps.shareVia })
    const more = delivery.kind === 'digest' ? delivery.more + Math.max(0, delivery.articleIds.length - ids.length) : 0
    const title = t(delivery.kind === 'digest' ? 'digest-title' : 'breaking-title')
    // a story goes to the threads of its lead report's topics
    const groups = byThread(stories.map(story => ({ story, topics: leadReport(story, chat.digestLanguage).topics })), chat.threads)
    return groups.flatMap(({ threadId, articles: inThread }, i) => {
      const tail = more > 0 && i === groups.length - 1 ? [t('digest-more', { count: more })] : []
      return packMessages([title, ...inThread.map(({ story }) => item(story)), ...tail]).map(html => ({ html, threadId }))
    })
  }

  /** Sends one message as the chat wants it: link previews (/previews), sound (/silent), thread. */
  async function sendPart(chatId: bigint, message: OutboxMessage, chat: ClaimedDelivery['chat']): Promise<void> {
    const extra = {
      link_preview_options: { is_disabled: !chat.linkPreviews },
      ...(chat.silent ? { disable_notification: true } : {}),
      ...(message.threadId === undefined ? {} : { message_thread_id: message.threadId }),
      ...(deps.paidBroadcast ? { allow_paid_broadcast: true } : {}),
    }
    try {
      await api.sendMessage(Number(chatId), message.html, { parse_mode: 'HTML', ...extra })
    }
    catch (error) {
      // a formatting rejection goes out as plain text rather than not at all
      if (!(error instanceof GrammyError) || error.error_code !== 400 || !/can't parse entities/i.test(error.description))
        throw error
      await api.sendMessage(Number(chatId), htmlToPlain(message.html, { keepLinks: true }), extra)
    }
  }

  /**
   * A forum thread was deleted or closed: its topics go to General from now on,
   * and the admins are told there, once (the routes are gone afterwards).
   */
  async function threadGone(delivery: ClaimedDelivery, threadId: number): Promise<void> {
    const dropped = await repos.chats.dropThread(delivery.chatId, threadId)
    logger.info({ msg: 'Forum thread gone: its topics go to General', delivery_id: String(delivery.id), chat_id: String(delivery.chatId), thread_id: threadId })
    if (!dropped)
      return
    const t = (key: string, args?: Record<string, string | number>) => i18n.t(delivery.chat.uiLanguage, key, args)
    const names = [...dropped.topicIds.flatMap(id => topics.byId(id) ?? []).map(topic => topics.name(topic, delivery.chat.uiLanguage)), ...(dropped.rest ? [t('thread-gone-rest')] : [])]
    await limiter.acquire(delivery.chatId)
    await sendPart(delivery.chatId, { html: t('thread-gone', { topics: names.join(', ') }), threadId: undefined }, delivery.chat)
  }

  async function deliver(delivery: ClaimedDelivery): Promise<Outcome> {
    const messages = await render(delivery)
    if (messages === undefined)
      return { kind: 'failed', error: 'chat is blocked or gone' }
    let sent = delivery.partsSent
    try {
      while (sent < messages.length) {
        const message = messages[sent]!
        await limiter.acquire(delivery.chatId)
        try {
          await sendPart(delivery.chatId, message, delivery.chat)
        }
        catch (error) {
          if (message.threadId === undefined || !isThreadGone(error))
            throw error
          // that thread's messages go to General instead
          await threadGone(delivery, message.threadId)
          for (const m of messages.filter(m => m.threadId === message.threadId))
            m.threadId = undefined
          continue
        }
        sent++
        if (sent < messages.length)
          await repos.deliveries.partSent(delivery.id, sent)
      }
      await repos.deliveries.sent(delivery.id, sent)
      return { kind: 'sent' }
    }
    catch (error) {
      if (sent > delivery.partsSent)
        await repos.deliveries.partSent(delivery.id, sent)
      return classify(error, delivery.attempts)
    }
  }

  async function handle(delivery: ClaimedDelivery): Promise<void> {
    let outcome: Outcome
    try {
      outcome = await deliver(delivery)
    }
    catch (error) {
      outcome = classify(error, delivery.attempts)
    }
    const log = { delivery_id: String(delivery.id), chat_id: String(delivery.chatId), kind: delivery.kind }
    switch (outcome.kind) {
      case 'sent':
        return
      case 'retry':
        if (outcome.error.startsWith('Too Many Requests'))
          limiter.pause(delivery.chatId, outcome.afterMs)
        logger.warn({ msg: 'Delivery will be retried', ...log, after_ms: outcome.afterMs, error: outcome.error })
        return repos.deliveries.retry(delivery.id, new Date(Date.now() + outcome.afterMs), outcome.error)
      case 'blocked':
        logger.info({ msg: 'Chat refuses messages: marked blocked', ...log, error: outcome.error })
        await repos.chats.block(delivery.chatId)
        return repos.deliveries.failed(delivery.id, outcome.error)
      case 'failed':
        logger.warn({ msg: 'Delivery failed', ...log, error: outcome.error })
        return repos.deliveries.failed(delivery.id, outcome.error)
    }
  }

  /** Claims and sends one batch; resolves when all of it is done. Returns how many rows it handled. */
  async function runOnce(): Promise<number> {
    const claimed = await repos.deliveries.claim(BATCH, deps.leaseMs ?? LEASE_MS)
    await Promise.all(claimed.map(handle))
    return claimed.length
  }

  return {
    runOnce,

    /** Keeps sending until stop(); `nudge()` ends an idle pause early (new rows were planned). */
    start(): void {
      if (running)
        return
      running = true
      loop = (async () => {
        while (running) {
          let handled = 0
          try {
            handled = await runOnce()
          }
          catch (error) {
            logger.error({ msg: 'Sender round failed', err: error })
          }
          if (handled === 0 && running)
            await new Promise<void>(resolve => {
              wake = resolve
              setTimeout(resolve, deps.idleMs ?? 1000)
            })
        }
      })()
    },

    nudge(): void {
      wake?.()
    },

    /** Finishes the batch in hand, then stops. */
    async stop(): Promise<void> {
      running = false
      wake?.()
      await loop
    },
  }
}

export type Sender = ReturnType<typeof createSender>
