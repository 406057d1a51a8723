import type { Database } from '#root/db/client.js'
import { createTtlCache } from '#root/db/ttl-cache.js'
import type { ThreadRoutes } from '#root/digest/threads.js'
import type { ChatState, ChatType, DigestLanguage, Language } from '#root/generated/prisma/enums.js'

export interface ChatRegistration {
  id: number
  type: ChatType
  title: string | null
  uiLanguage: Language
  timeZone: string
  digestTime: string
}

export interface ChatSettings {
  uiLanguage?: Language
  digestLanguage?: DigestLanguage
  timeZone?: string
  digestTime?: string
  state?: ChatState
  linkPreviews?: boolean
  silent?: boolean
  pushes?: boolean
  defaultThreadId?: number | null
}

/** How long a chat's settings may be served from memory: every update reads them. */
export const CHAT_CACHE_MS = 2000

export function createChatRepository(db: Database, cacheMs = CHAT_CACHE_MS) {
  const findChat = (id: number) => db.chat.findUnique({ where: { id: BigInt(id) } })
  const chats = createTtlCache<Awaited<ReturnType<typeof findChat>>>(cacheMs, 10_000)
  const forget = (...ids: number[]) => ids.forEach(id => chats.delete(String(id)))

  return {
    async find(id: number) {
      return chats.get(String(id), () => findChat(id))
    },

    /** Creates the chat with defaults, or resumes it (a paused or blocked chat becomes active; settings are kept). */
    async register(chat: ChatRegistration) {
      const { id, ...fields } = chat
      const registered = await db.chat.upsert({
        where: { id: BigInt(id) },
        create: { id: BigInt(id), ...fields, digestLanguage: fields.uiLanguage },
        update: { state: 'active', title: fields.title, type: fields.type },
      })
      forget(id)
      return registered
    },

    async update(id: number, settings: ChatSettings) {
      const updated = await db.chat.update({ where: { id: BigInt(id) }, data: settings })
      forget(id)
      return updated
    },

    /** A group became a supergroup: its settings and subscriptions move to the new id. */
    async migrate(fromId: number, toId: number): Promise<void> {
      await db.$transaction(async (tx) => {
        const existing = await tx.chat.findUnique({ where: { id: BigInt(toId) }, select: { id: true } })
        if (existing)
          await tx.chat.delete({ where: { id: BigInt(toId) } })
        await tx.chat.updateMany({ where: { id: BigInt(fromId) }, data: { id: BigInt(toId), type: 'supergroup' } })
      })
      forget(fromId, toId)
    },

    /** Active chats with at least one topic, with what digest planning needs. */
    /** The distinct digest schedules (time zone, local time) of active chats: a few, even for 100k chats. */
    async digestSchedules(): Promise<Array<{ timeZone: string, digestTime: string }>> {
      return db.chat.findMany({ where: { state: 'active' }, select: { timeZone: true, digestTime: true }, distinct: ['timeZone', 'digestTime'] })
    },

    /**
     * Active chats with a subscription that are due: on a schedule with a due
     * period and not planned up to it yet; `limit` at a time in id order after `afterId`.
     */
    async dueChats(due: ReadonlyArray<{ timeZone: string, digestTime: string, periodKey: string }>, afterId: bigint, limit: number): Promise<Array<{ chatId: bigint, periodKey: string }>> {
      if (due.length === 0)
        return []
      const rows = await db.$queryRaw<Array<{ id: bigint, period_key: string }>>`
        SELECT c.id, d.period_key
        FROM chats c
        JOIN unnest(${due.map(d => d.timeZone)}::text[], ${due.map(d => d.digestTime)}::text[], ${due.map(d => d.periodKey)}::text[])
          AS d(time_zone, digest_time, period_key) ON d.time_zone = c.time_zone AND d.digest_time = c.digest_time
        WHERE c.state = 'active' AND c.id > ${afterId}
          AND (c.last_digest_period IS NULL OR c.last_digest_period < d.period_key)
          AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = c.id)
        ORDER BY c.id
        LIMIT ${limit}`
      return rows.map(r => ({ chatId: r.id, periodKey: r.period_key }))
    },

    /** Telegram refuses this chat (blocked, kicked, deleted): stop trying, keep its settings. */
    async block(id: bigint): Promise<void> {
      await db.chat.updateMany({ where: { id }, data: { state: 'blocked' } })
      forget(Number(id))
    },

    /** Channels, by title: /channels checks which of them the asking admin manages. */
    async channels(limit: number) {
      return db.chat.findMany({ where: { type: 'channel' }, orderBy: [{ title: 'asc' }, { id: 'asc' }], take: limit })
    },

    async threadRoutes(chatId: number): Promise<ThreadRoutes> {
      const [chat, rows] = await Promise.all([
        db.chat.findUnique({ where: { id: BigInt(chatId) }, select: { defaultThreadId: true } }),
        db.threadRoute.findMany({ where: { chatId: BigInt(chatId) }, orderBy: { topicId: 'asc' } }),
      ])
      return { defaultThreadId: chat?.defaultThreadId ?? null, topics: new Map(rows.map(r => [r.topicId, r.threadId])) }
    },

    /** The topic's items go to `threadId`; null: back to where the rest go. */
    async routeTopic(chatId: number, topicId: number, threadId: number | null): Promise<void> {
      const where = { chatId_topicId: { chatId: BigInt(chatId), topicId } }
      if (threadId === null)
        await db.threadRoute.deleteMany({ where: where.chatId_topicId })
      else
        await db.threadRoute.upsert({ where, create: { chatId: BigInt(chatId), topicId, threadId }, update: { threadId } })
    },

    /**
     * A forum thread is gone (deleted or closed): everything routed to it goes to
     * General now. Returns what was routed there (the topics, and whether the rest
     * went there too), or undefined when nothing was (so admins are told once).
     */
    async dropThread(chatId: bigint, threadId: number): Promise<{ topicIds: number[], rest: boolean } | undefined> {
      const { routes, rest } = await db.$transaction(async tx => ({
        routes: await tx.$queryRaw<Array<{ topic_id: number }>>`DELETE FROM thread_routes WHERE chat_id = ${chatId} AND thread_id = ${threadId} RETURNING topic_id`,
        rest: (await tx.chat.updateMany({ where: { id: chatId, defaultThreadId: threadId }, data: { defaultThreadId: null } })).count > 0,
      }))
      forget(Number(chatId))
      if (routes.length === 0 && !rest)
        return undefined
      return { topicIds: routes.map(r => r.topic_id).sort((a, b) => a - b), rest }
    },

    async subscriptions(chatId: number): Promise<number[]> {
      const rows = await db.subscription.findMany({ where: { chatId: BigInt(chatId) }, select: { topicId: true } })
      return rows.map(r => r.topicId)
    },

    async subscribe(chatId: number, topicId: number): Promise<boolean> {
      const { count } = await db.subscription.createMany({ data: [{ chatId: BigInt(chatId), topicId }], skipDuplicates: true })
      return count > 0
    },

    async unsubscribe(chatId: number, topicId?: number): Promise<number> {
      const { count } = await db.subscription.deleteMany({ where: { chatId: BigInt(chatId), ...(topicId === undefined ? {} : { topicId }) } })
      return count
    },

    async countByState(): Promise<Record<ChatState, number>> {
      const groups = await db.chat.groupBy({ by: ['state'], _count: { _all: true } })
      const counts: Record<ChatState, number> = { active: 0, paused: 0, blocked: 0 }
      for (const g of groups)
        counts[g.state] = g._count._all
      return counts
    },

    async subscribersPerTopic(): Promise<Map<number, number>> {
      const groups = await db.subscription.groupBy({ by: ['topicId'], _count: { _all: true } })
      return new Map(groups.map(g => [g.topicId, g._count._all]))
    },
  }
}

export type ChatRepository = ReturnType<typeof createChatRepository>
