// The outbox: one row per message to send. Unique keys (chat + digest period,
// chat + pushed article) make planning idempotent; senders claim due rows with
// FOR UPDATE SKIP LOCKED, so several instances never take the same row.
import type { Database } from '#root/db/client.js'
import type { DeliveryKind } from '#root/generated/prisma/enums.js'

export interface ClaimedDelivery {
  id: bigint
  chatId: bigint
  kind: DeliveryKind
  articleIds: number[]
  partsSent: number
  attempts: number
}

export function createDeliveryRepository(db: Database) {
  return {
    /**
     * Records a chat's digest for a period (pending, or skipped when nothing is
     * new) and moves the chat's period marker, in one transaction. False when
     * the period was already planned.
     */
    async planDigest(chatId: bigint, periodKey: string, articleIds: number[], now: Date): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.delivery.createMany({
          data: [{ chatId, kind: 'digest', periodKey, articleIds, status: articleIds.length > 0 ? 'pending' : 'skipped', dueAt: now }],
          skipDuplicates: true,
        })
        if (count > 0) {
          await tx.chat.update({
            where: { id: chatId },
            data: { lastDigestPeriod: periodKey, ...(articleIds.length > 0 ? { lastDigestAt: now } : {}) },
          })
        }
        return count > 0
      })
    },

    /** Queues a breaking item for every active chat subscribed to any of its topics, once per chat; returns how many. */
    async planBreaking(articleId: number, topicIds: number[]): Promise<number> {
      if (topicIds.length === 0)
        return 0
      return db.$executeRaw`
        INSERT INTO deliveries (chat_id, kind, article_id, article_ids, status, due_at)
        SELECT DISTINCT s.chat_id, 'breaking'::"DeliveryKind", ${articleId}::int, ARRAY[${articleId}::int], 'pending'::"DeliveryStatus", now()
        FROM subscriptions s JOIN chats c ON c.id = s.chat_id
        WHERE c.state = 'active' AND s.topic_id = ANY(${topicIds}::int[])
        ON CONFLICT DO NOTHING`
    },

    /**
     * Claims up to `limit` due rows: pending ones, and ones another sender claimed
     * more than `leaseMs` ago without finishing (it died). Claimed rows are
     * "sending" and count an attempt.
     */
    async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
      const rows = await db.$queryRaw<Array<{ id: bigint, chat_id: bigint, kind: DeliveryKind, article_ids: number[], parts_sent: number, attempts: number }>>`
        UPDATE deliveries SET status = 'sending', claimed_at = now(), attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM deliveries
          WHERE (status = 'pending' AND due_at <= now())
             OR (status = 'sending' AND claimed_at < now() - make_interval(secs => ${leaseMs / 1000}))
          ORDER BY due_at, id
          FOR UPDATE SKIP LOCKED
          LIMIT ${limit})
        RETURNING id, chat_id, kind, article_ids, parts_sent, attempts`
      return rows.map(r => ({ id: r.id, chatId: r.chat_id, kind: r.kind, articleIds: r.article_ids, partsSent: r.parts_sent, attempts: r.attempts }))
    },

    /** One more message of the delivery was accepted by Telegram. */
    async partSent(id: bigint, partsSent: number): Promise<void> {
      await db.delivery.update({ where: { id }, data: { partsSent } })
    },

    async sent(id: bigint, partsSent: number): Promise<void> {
      await db.delivery.update({ where: { id }, data: { status: 'sent', partsSent, sentAt: new Date() } })
    },

    /** Back to pending, due again at `dueAt`. */
    async retry(id: bigint, dueAt: Date, error: string): Promise<void> {
      await db.delivery.update({ where: { id }, data: { status: 'pending', dueAt, lastError: error.slice(0, 500) } })
    },

    async failed(id: bigint, error: string): Promise<void> {
      await db.delivery.update({ where: { id }, data: { status: 'failed', lastError: error.slice(0, 500) } })
    },

    /** Deliveries sent and failed since `since`, for /stats. */
    async countSince(since: Date): Promise<{ sent: number, failed: number }> {
      const [sent, failed] = await Promise.all([
        db.delivery.count({ where: { status: 'sent', sentAt: { gte: since } } }),
        db.delivery.count({ where: { status: 'failed', createdAt: { gte: since } } }),
      ])
      return { sent, failed }
    },
  }
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>
