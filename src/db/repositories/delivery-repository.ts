// The outbox: one row per message to send. Unique keys (chat + digest period,
// chat + pushed article) make planning idempotent; senders claim due rows with
// FOR UPDATE SKIP LOCKED, so several instances never take the same row.
import type { Database } from '#root/db/client.js'
import { digestCtes } from '#root/db/repositories/digest-query.js'
import type { ThreadRoutes } from '#root/digest/threads.js'
import type { ChatState, DeliveryKind, DigestLanguage, Language } from '#root/generated/prisma/enums.js'

export interface ClaimedDelivery {
  id: bigint
  chatId: bigint
  kind: DeliveryKind
  articleIds: number[]
  /** a digest's stories that qualified but are not in it ("…and N more") */
  more: number
  partsSent: number
  attempts: number
  /** the chat's settings, read in the same statement */
  chat: { uiLanguage: Language, digestLanguage: DigestLanguage, state: ChatState, linkPreviews: boolean, silent: boolean, threads: ThreadRoutes }
}

export interface DuePlan {
  chatId: bigint
  periodKey: string
}

export function createDeliveryRepository(db: Database) {
  return {
    /**
     * Plans the digests of many chats in one statement: each due chat's stories
     * by the one digest definition (digest-query.ts: what /digest shows too),
     * a pending row with their lead reports' ids and how many more qualified
     * (skipped when there are none), and the chat's period marker.
     * Unique per chat and period: a period already planned is left alone.
     * Returns how many were queued and skipped.
     */
    async planDigests(due: DuePlan[], now: Date): Promise<{ queued: number, skipped: number }> {
      if (due.length === 0)
        return { queued: 0, skipped: 0 }
      const rows = await db.$queryRaw<Array<{ status: string, count: bigint }>>`
        WITH due AS (
          SELECT d.chat_id, d.period_key, coalesce(c.last_digest_at, ${now}::timestamptz - interval '1 day') AS since
          FROM unnest(${due.map(d => d.chatId)}::bigint[], ${due.map(d => d.periodKey)}::text[]) AS d(chat_id, period_key)
          JOIN chats c ON c.id = d.chat_id
        ), ${digestCtes()}, planned AS (
          INSERT INTO deliveries (chat_id, kind, period_key, article_ids, more, status, due_at)
          SELECT due.chat_id, 'digest'::"DeliveryKind", due.period_key, coalesce(digest.article_ids, '{}'),
                 greatest(0, coalesce(digest.total, 0) - cardinality(coalesce(digest.article_ids, '{}'))),
                 (CASE WHEN cardinality(coalesce(digest.article_ids, '{}')) = 0 THEN 'skipped' ELSE 'pending' END)::"DeliveryStatus", ${now}::timestamptz
          FROM due LEFT JOIN digest ON digest.chat_id = due.chat_id
          ON CONFLICT DO NOTHING
          RETURNING chat_id, period_key, status
        ), marked AS (
          UPDATE chats SET last_digest_period = planned.period_key,
                           last_digest_at = CASE WHEN planned.status = 'pending' THEN ${now}::timestamptz ELSE chats.last_digest_at END
          FROM planned WHERE chats.id = planned.chat_id
        )
        SELECT status::text, count(*) FROM planned GROUP BY status`
      const count = (status: string) => Number(rows.find(r => r.status === status)?.count ?? 0)
      return { queued: count('pending'), skipped: count('skipped') }
    },

    /** Queues a breaking item for every active chat subscribed to any of its topics, once per chat; returns how many. */
    async planBreaking(articleId: number, topicIds: number[]): Promise<number> {
      if (topicIds.length === 0)
        return 0
      return db.$executeRaw`
        INSERT INTO deliveries (chat_id, kind, article_id, article_ids, status, due_at)
        SELECT DISTINCT s.chat_id, 'breaking'::"DeliveryKind", ${articleId}::int, ARRAY[${articleId}::int], 'pending'::"DeliveryStatus", now()
        FROM subscriptions s JOIN chats c ON c.id = s.chat_id
        WHERE c.state = 'active' AND c.pushes AND s.topic_id = ANY(${topicIds}::int[])
        ON CONFLICT DO NOTHING`
    },

    /**
     * Claims up to `limit` due rows: pending ones, and ones another sender claimed
     * more than `leaseMs` ago without finishing (it died). Claimed rows are
     * "sending" and count an attempt.
     */
    async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
      const rows = await db.$queryRaw<Array<{ id: bigint, chat_id: bigint, kind: DeliveryKind, article_ids: number[], more: number, parts_sent: number, attempts: number, ui_language: Language, digest_language: DigestLanguage, state: ChatState, link_previews: boolean, silent: boolean, default_thread_id: number | null, route_topics: number[], route_threads: number[] }>>`
        UPDATE deliveries d SET status = 'sending', claimed_at = now(), attempts = d.attempts + 1
        FROM chats c
        WHERE c.id = d.chat_id AND d.id IN (
          SELECT id FROM deliveries
          WHERE (status = 'pending' AND due_at <= now())
             OR (status = 'sending' AND claimed_at < now() - make_interval(secs => ${leaseMs / 1000}))
          ORDER BY due_at, id
          FOR UPDATE SKIP LOCKED
          LIMIT ${limit})
        RETURNING d.id, d.chat_id, d.kind, d.article_ids, d.more, d.parts_sent, d.attempts, c.ui_language, c.digest_language, c.state,
                  c.link_previews, c.silent, c.default_thread_id,
                  ARRAY(SELECT r.topic_id FROM thread_routes r WHERE r.chat_id = c.id ORDER BY r.topic_id) AS route_topics,
                  ARRAY(SELECT r.thread_id FROM thread_routes r WHERE r.chat_id = c.id ORDER BY r.topic_id) AS route_threads`
      return rows.map(r => ({
        id: r.id,
        chatId: r.chat_id,
        kind: r.kind,
        articleIds: r.article_ids,
        more: r.more,
        partsSent: r.parts_sent,
        attempts: r.attempts,
        chat: {
          uiLanguage: r.ui_language,
          digestLanguage: r.digest_language,
          state: r.state,
          linkPreviews: r.link_previews,
          silent: r.silent,
          threads: { defaultThreadId: r.default_thread_id, topics: new Map(r.route_topics.map((topic, i) => [topic, r.route_threads[i]!])) },
        },
      }))
    },

    /**
     * Reserves `count` consecutive send slots `intervalMs` apart on the clock all
     * senders share. Returns when the first one starts and the database's clock
     * at that moment (epoch ms): the caller maps them onto its own clock.
     * The row lock orders concurrent reservations, so slots never overlap.
     */
    async reserveSlots(count: number, intervalMs: number): Promise<{ startMs: number, clockMs: number }> {
      const span = (count * intervalMs) / 1000
      const [row] = await db.$queryRaw<Array<{ start_ms: number, clock_ms: number }>>`
        INSERT INTO broadcast_clock AS b (id, next_at) VALUES (1, clock_timestamp() + make_interval(secs => ${span}::float8))
        ON CONFLICT (id) DO UPDATE SET next_at = greatest(b.next_at, clock_timestamp()) + make_interval(secs => ${span}::float8)
        RETURNING (extract(epoch FROM b.next_at) * 1000 - ${span}::float8 * 1000)::float8 AS start_ms,
                  (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS clock_ms`
      if (!row)
        throw new Error('broadcast_clock: no row returned')
      return { startMs: Number(row.start_ms), clockMs: Number(row.clock_ms) }
    },

    /** One more message of the delivery was accepted by Telegram. */
    async partSent(id: bigint, partsSent: number): Promise<void> {
      await db.delivery.update({ where: { id }, data: { partsSent } })
    },

    // one statement per accepted message keeps the duplicate window small; raw SQL keeps it cheap
    async sent(id: bigint, partsSent: number): Promise<void> {
      await db.$executeRaw`UPDATE deliveries SET status = 'sent', parts_sent = ${partsSent}, sent_at = now() WHERE id = ${id}`
    },

    /** Back to pending, due again at `dueAt`. */
    async retry(id: bigint, dueAt: Date, error: string): Promise<void> {
      await db.delivery.update({ where: { id }, data: { status: 'pending', dueAt, lastError: error.slice(0, 500) } })
    },

    async failed(id: bigint, error: string): Promise<void> {
      await db.delivery.update({ where: { id }, data: { status: 'failed', lastError: error.slice(0, 500) } })
    },

    /** What waits in the outbox, for /metrics. */
    async outboxStats(): Promise<{ depth: number, oldestAgeSeconds: number }> {
      const [row] = await db.$queryRaw<Array<{ depth: number, oldest: number | null }>>`
        SELECT count(*)::int AS depth, extract(epoch FROM now() - min(due_at) FILTER (WHERE due_at <= now()))::float8 AS oldest
        FROM deliveries WHERE status IN ('pending', 'sending')`
      return { depth: row?.depth ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest ?? 0) }
    },

    /** Deliveries sent and failed since `since`, for /stats. */
    async countSince(since: Date): Promise<{ sent: number, failed: number }> {
      const [sent, failed] = await Promise.all([
        db.delivery.count({ where: { status: 'sent', sentAt: { gte: since } } }),
        db.delivery.count({ where: { status: 'failed', createdAt: { gte: since } } }),
      ])
      return { sent, failed }
    },

    /** The latest breaking pushes, newest first: how many chats each reached so far. */
    async recentPushes(limit: number): Promise<PushReach[]> {
      const rows = await db.$queryRaw<Array<{ article_id: number, title: string, total: number, sent: number, waiting: number, failed: number }>>`
        SELECT d.article_id, a.title,
               count(*)::int AS total,
               count(*) FILTER (WHERE d.status = 'sent')::int AS sent,
               count(*) FILTER (WHERE d.status IN ('pending', 'sending'))::int AS waiting,
               count(*) FILTER (WHERE d.status = 'failed')::int AS failed
        FROM deliveries d JOIN articles a ON a.id = d.article_id
        WHERE d.kind = 'breaking'
        GROUP BY d.article_id, a.title
        ORDER BY max(d.created_at) DESC, d.article_id DESC
        LIMIT ${limit}`
      return rows.map(r => ({ articleId: r.article_id, title: r.title, total: r.total, sent: r.sent, waiting: r.waiting, failed: r.failed }))
    },
  }
}

export interface PushReach {
  articleId: number
  title: string
  /** chats it was planned for */
  total: number
  sent: number
  /** still in the outbox */
  waiting: number
  /** failed, or the chat had blocked the bot */
  failed: number
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>
