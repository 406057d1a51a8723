// Feeds followed as sources, and the items each has shown. Pollers claim due
// sources with FOR UPDATE SKIP LOCKED and a lease (as senders claim the outbox),
// so several instances on one database poll each source once; a claim token
// proves the claim when the poll is settled. Items are reserved by guid before
// they are processed, so each is looked at once whoever polls.
import { randomUUID } from 'node:crypto'
import type { Database } from '#root/db/client.js'
import type { Source } from '#root/generated/prisma/client.js'
import type { SourceItemOutcome, SourceKind } from '#root/generated/prisma/enums.js'

export type { Source }

export interface NewSource {
  url: string
  feedUrl: string
  kind: SourceKind
  title: string
  siteUrl?: string
}

/** What a poller needs of a claimed source. */
export interface ClaimedSource {
  id: number
  feedUrl: string
  title: string
  etag: string | null
  lastModified: string | null
  lastSuccessAt: Date | null
  failures: number
  token: string
  /** when it was claimed (the database's clock) */
  claimedAt: Date
}

export interface SettledItem {
  guid: string
  outcome: Exclude<SourceItemOutcome, 'pending'>
  articleId?: number
}

const PRUNE_EVERY_MS = 60 * 60_000

export function createSourceRepository(db: Database) {
  let nextPrune = 0
  const live = { removedAt: null }

  /** Forgets items gone from their feeds for a month (at most hourly per process). */
  async function prune(): Promise<void> {
    if (Date.now() < nextPrune)
      return
    nextPrune = Date.now() + PRUNE_EVERY_MS
    await db.$executeRaw`DELETE FROM source_items WHERE seen_at < now() - interval '30 days' AND outcome <> 'pending'`
  }

  return {
    /**
     * Adds a source, or brings back a removed one with the same feed (it keeps
     * the items it has seen). A live source with that feed is returned as `existing`.
     */
    async add(source: NewSource): Promise<{ created: Source } | { existing: Source }> {
      const rows = await db.$queryRaw<Array<{ id: number }>>`
        INSERT INTO sources (url, feed_url, kind, title, site_url)
        VALUES (${source.url}, ${source.feedUrl}, ${source.kind}::"SourceKind", ${source.title}, ${source.siteUrl ?? null})
        ON CONFLICT (feed_url) DO UPDATE SET
          url = excluded.url, kind = excluded.kind, title = excluded.title, site_url = excluded.site_url,
          state = 'active', removed_at = NULL, etag = NULL, last_modified = NULL, failures = 0, last_error = NULL,
          next_poll_at = now(), lease_until = NULL, claim_token = NULL, last_success_at = NULL, created_at = now()
        WHERE sources.removed_at IS NOT NULL
        RETURNING id`
      const id = rows[0]?.id
      if (id !== undefined)
        return { created: await db.source.findUniqueOrThrow({ where: { id } }) }
      return { existing: await db.source.findUniqueOrThrow({ where: { feedUrl: source.feedUrl } }) }
    },

    async find(id: number): Promise<Source | null> {
      return db.source.findFirst({ where: { id, ...live } })
    },

    async findByFeedUrl(feedUrl: string): Promise<Source | null> {
      return db.source.findFirst({ where: { feedUrl, ...live } })
    },

    /** Live sources by id, a page at a time. */
    async list(options: { offset?: number, limit?: number } = {}): Promise<Source[]> {
      return db.source.findMany({ where: live, orderBy: { id: 'asc' }, skip: options.offset, take: options.limit })
    },

    async count(): Promise<number> {
      return db.source.count({ where: live })
    },

    /** Pauses or resumes a live source; a resumed one is due at once. Null when there is none. */
    async setPaused(id: number, paused: boolean): Promise<Source | null> {
      const { count } = await db.source.updateMany({
        where: { id, ...live },
        data: paused ? { state: 'paused' } : { state: 'active', nextPollAt: new Date(), failures: 0 },
      })
      return count > 0 ? db.source.findUnique({ where: { id } }) : null
    },

    /** Stops polling a source; its articles stay. Null when there is no live source `id`. */
    async remove(id: number): Promise<Source | null> {
      const { count } = await db.source.updateMany({ where: { id, ...live }, data: { removedAt: new Date(), leaseUntil: null, claimToken: null } })
      return count > 0 ? db.source.findUnique({ where: { id } }) : null
    },

    /**
     * Claims up to `limit` due sources: live, not paused, next poll time passed,
     * and not claimed by anyone else (or their lease ran out).
     */
    async claim(limit: number, leaseMs: number): Promise<ClaimedSource[]> {
      const token = randomUUID()
      const rows = await db.$queryRaw<Array<{ id: number, feed_url: string, title: string, etag: string | null, last_modified: string | null, last_success_at: Date | null, failures: number, claimed_at: Date }>>`
        UPDATE sources SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}::float8), claim_token = ${token}, last_polled_at = now()
        WHERE id IN (
          SELECT id FROM sources
          WHERE removed_at IS NULL AND state <> 'paused' AND next_poll_at <= now()
            AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_poll_at, id
          FOR UPDATE SKIP LOCKED
          LIMIT ${limit})
        RETURNING id, feed_url, title, etag, last_modified, last_success_at, failures, now() AS claimed_at`
      return rows.map(r => ({ id: r.id, feedUrl: r.feed_url, title: r.title, etag: r.etag, lastModified: r.last_modified, lastSuccessAt: r.last_success_at, failures: r.failures, token, claimedAt: r.claimed_at }))
    },

    /** A successful poll (200 or 304): validators kept, counters added, next poll in `delayMs`. False when the claim was lost. */
    async succeeded(source: ClaimedSource, result: { delayMs: number, etag?: string | null, lastModified?: string | null, kind?: SourceKind, stored?: number, refused?: number }): Promise<boolean> {
      const count = await db.$executeRaw`
        UPDATE sources SET
          etag = CASE WHEN ${result.etag !== undefined} THEN ${result.etag ?? null} ELSE etag END,
          last_modified = CASE WHEN ${result.lastModified !== undefined} THEN ${result.lastModified ?? null} ELSE last_modified END,
          kind = coalesce(${result.kind ?? null}::"SourceKind", kind),
          articles_stored = articles_stored + ${result.stored ?? 0}, items_refused = items_refused + ${result.refused ?? 0},
          last_success_at = now(), failures = 0, last_error = NULL,
          state = CASE WHEN state = 'failing' THEN 'active'::"SourceState" ELSE state END,
          next_poll_at = now() + make_interval(secs => ${result.delayMs / 1000}::float8),
          lease_until = NULL, claim_token = NULL
        WHERE id = ${source.id} AND claim_token = ${source.token}`
      return count > 0
    },

    /**
     * A failed poll: one more failure, the error kept, next poll in `delayMs`;
     * failing for `failingAfterMs` since the last success (or the source's
     * creation) makes it `failing`. Counters of items stored before the failure are added.
     */
    async failed(source: ClaimedSource, result: { error: string, delayMs: number, failingAfterMs: number, stored?: number, refused?: number }): Promise<boolean> {
      const count = await db.$executeRaw`
        UPDATE sources SET
          failures = failures + 1, last_error = ${result.error.slice(0, 500)},
          articles_stored = articles_stored + ${result.stored ?? 0}, items_refused = items_refused + ${result.refused ?? 0},
          state = CASE WHEN state = 'active' AND coalesce(last_success_at, created_at) <= now() - make_interval(secs => ${result.failingAfterMs / 1000}::float8)
                       THEN 'failing'::"SourceState" ELSE state END,
          next_poll_at = now() + make_interval(secs => ${result.delayMs / 1000}::float8),
          lease_until = NULL, claim_token = NULL
        WHERE id = ${source.id} AND claim_token = ${source.token}`
      return count > 0
    },

    /** An interrupted poll (shutdown): the claim is given back and the source is due again at once. */
    async release(source: ClaimedSource, counts: { stored: number, refused: number }): Promise<void> {
      await db.$executeRaw`
        UPDATE sources SET lease_until = NULL, claim_token = NULL,
          articles_stored = articles_stored + ${counts.stored}, items_refused = items_refused + ${counts.refused}
        WHERE id = ${source.id} AND claim_token = ${source.token}`
    },

    /**
     * Marks the feed's items as seen and reserves for this poll those never seen
     * before, and those a poll that lost its claim left pending (reserved before
     * `claimedAt`: only one poll holds a source's claim at a time). Returns the
     * reserved guids.
     */
    async reserveItems(sourceId: number, guids: string[], claimedAt: Date): Promise<Set<string>> {
      if (guids.length === 0)
        return new Set()
      const rows = await db.$queryRaw<Array<{ guid: string }>>`
        WITH upserted AS (
          INSERT INTO source_items (source_id, guid)
          SELECT ${sourceId}::int, g FROM unnest(${[...new Set(guids)]}::text[]) AS g
          ON CONFLICT (source_id, guid) DO UPDATE SET
            seen_at = now(),
            claimed_at = CASE WHEN source_items.outcome = 'pending' AND source_items.claimed_at < ${claimedAt}::timestamptz
                              THEN now() ELSE source_items.claimed_at END
          RETURNING guid, outcome, claimed_at
        )
        -- stored rounded to milliseconds, as the column keeps it
        SELECT guid FROM upserted WHERE outcome = 'pending' AND claimed_at = now()::timestamptz(3)`
      await prune()
      return new Set(rows.map(r => r.guid))
    },

    /** Gives reserved items back (a poll interrupted before it reached them). */
    async unreserveItems(sourceId: number, guids: string[]): Promise<void> {
      if (guids.length > 0)
        await db.$executeRaw`DELETE FROM source_items WHERE source_id = ${sourceId} AND guid = ANY(${guids}::text[]) AND outcome = 'pending'`
    },

    /** Records what became of reserved items. */
    async settleItems(sourceId: number, items: SettledItem[]): Promise<void> {
      if (items.length === 0)
        return
      await db.$executeRaw`
        UPDATE source_items s SET outcome = i.outcome::"SourceItemOutcome", article_id = i.article_id
        FROM unnest(${items.map(i => i.guid)}::text[], ${items.map(i => i.outcome)}::text[], ${items.map(i => i.articleId ?? null)}::int[]) AS i(guid, outcome, article_id)
        WHERE s.source_id = ${sourceId} AND s.guid = i.guid`
    },

    /** Articles already stored under any of these links: link -> article id. */
    async storedLinks(links: string[]): Promise<Map<string, number>> {
      if (links.length === 0)
        return new Map()
      const rows = await db.$queryRaw<Array<{ url: string, id: number }>>`SELECT url, id FROM articles WHERE url = ANY(${links}::text[])`
      return new Map(rows.map(r => [r.url, r.id]))
    },
  }
}

export type SourceRepository = ReturnType<typeof createSourceRepository>
