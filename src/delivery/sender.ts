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
import { renderStory } from '#root/digest/story-item.js'
import { packMessages } from '#root/digest/split.js'
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
  /** pause between polls of an empty outbox */
  idleMs?: number
  /** how long a claim holds before another sender may take the row over */
  leaseMs?: number
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

  /** The messages of a delivery as this chat should read them now. */
  async function render(delivery: ClaimedDelivery): Promise<string[] | undefined> {
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
    const items = stories.map(story => renderStory(story, { digestLanguage: chat.digestLanguage, locale, topics, t }))
    const more = delivery.kind === 'digest' ? delivery.more + Math.max(0, delivery.articleIds.length - ids.length) : 0
    const parts = [t(delivery.kind === 'digest' ? 'digest-title' : 'breaking-title'), ...items, ...(more > 0 ? [t('digest-more', { count: more })] : [])]
    return packMessages(parts)
  }

  async function sendPart(chatId: bigint, html: string): Promise<void> {
    const extra = { link_preview_options: { is_disabled: true }, ...(deps.paidBroadcast ? { allow_paid_broadcast: true } : {}) }
    try {
      await api.sendMessage(Number(chatId), html, { parse_mode: 'HTML', ...extra })
    }
    catch (error) {
      // a formatting rejection goes out as plain text rather than not at all
      if (!(error instanceof GrammyError) || error.error_code !== 400 || !/can't parse entities/i.test(error.description))
        throw error
      await api.sendMessage(Number(chatId), htmlToPlain(html, { keepLinks: true }), extra)
    }
  }

  async function deliver(delivery: ClaimedDelivery): Promise<Outcome> {
    const messages = await render(delivery)
    if (messages === undefined)
      return { kind: 'failed', error: 'chat is blocked or gone' }
    let sent = delivery.partsSent
    try {
      for (const message of messages.slice(sent)) {
        await limiter.acquire(delivery.chatId)
        await sendPart(delivery.chatId, message)
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
