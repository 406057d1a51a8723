// Stories: the reports an article may join, and a story's figures after one of
// its reports is deleted.
import type { Database } from '#root/db/client.js'
import { digestCtes } from '#root/db/repositories/digest-query.js'
import { createTtlCache } from '#root/db/ttl-cache.js'
import type { Language } from '#root/news/types.js'
import type { StoryFeatures } from '#root/stories/features.js'

/** What an item shows of each report: its fields, summaries and topics. */
const REPORT = { summaries: true, topics: { select: { topicId: true, score: true } } } as const

/** How long a /latest or /topic page may be served from memory (this process's writes clear it). */
export const STORY_PAGE_CACHE_MS = 2000

/** How many candidate reports are scored; the ones sharing most keys come first. */
const MAX_CANDIDATES = 15
/** ...and of one story at most this many: its reports say much the same */
const PER_STORY = 3

export interface CandidateReport {
  articleId: number
  storyId: number
  language: Language
  /** publication date, else ingest time */
  at: Date
  features: StoryFeatures
  storyFirstSeen: Date
}

function loadReports(db: Database, storyIds: number[]) {
  return db.article.findMany({ where: { storyId: { in: storyIds }, deletedAt: null }, include: REPORT, orderBy: [{ publishedAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] })
}
export type Report = Awaited<ReturnType<typeof loadReports>>[number]

/** A story as shown: its live reports, its first report first. */
export interface StoryItem {
  storyId: number
  outlets: number
  reports: Report[]
}

export function createStoryRepository(db: Database, cacheMs = STORY_PAGE_CACHE_MS) {
  const pages = createTtlCache<StoryItem[]>(cacheMs)

  /** Stories by id, in that order, with their live reports (a story with none is left out). */
  async function items(storyIds: number[]): Promise<StoryItem[]> {
    if (storyIds.length === 0)
      return []
    const [stories, reports] = await Promise.all([
      db.story.findMany({ where: { id: { in: storyIds } }, select: { id: true, leadArticleId: true, outlets: true } }),
      loadReports(db, storyIds),
    ])
    const byStory = new Map(stories.map(s => [s.id, s]))
    return storyIds.flatMap((id) => {
      const story = byStory.get(id)
      const own = reports.filter(r => r.storyId === id)
      if (!story || own.length === 0)
        return []
      // the first report leads; the others follow in date order
      own.sort((a, b) => Number(b.id === story.leadArticleId) - Number(a.id === story.leadArticleId))
      return [{ storyId: id, outlets: story.outlets, reports: own }]
    })
  }

  /**
   * The stories of these reports, in the order of each story's first report
   * among them, once each, at most `limit` (a delivery's reports, ranked search hits).
   */
  async function itemsOfReports(articleIds: number[], limit = Number.POSITIVE_INFINITY): Promise<StoryItem[]> {
    if (articleIds.length === 0)
      return []
    const rows = await db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, storyId: true } })
    const storyOf = new Map(rows.map(r => [r.id, r.storyId]))
    return items([...new Set(articleIds.flatMap(id => storyOf.get(id) ?? []))].slice(0, limit))
  }

  async function loadPage(limit: number, offset: number, topicId: number | undefined, muted: string[]): Promise<StoryItem[]> {
    const rows = await db.$queryRaw<Array<{ id: number }>>`
      SELECT s.id FROM stories s
      WHERE cardinality(s.languages) > 0
        AND (${topicId ?? null}::int IS NULL OR EXISTS (
          SELECT 1 FROM articles a JOIN article_topics t ON t.article_id = a.id
          WHERE a.story_id = s.id AND a.deleted_at IS NULL AND t.topic_id = ${topicId ?? null}::int))
        AND (cardinality(${muted}::text[]) = 0 OR NOT EXISTS (
          SELECT 1 FROM articles a, unnest(${muted}::text[]) AS m(stems)
          WHERE a.story_id = s.id AND a.deleted_at IS NULL AND strpos(a.stems, m.stems) > 0))
      ORDER BY s.dated DESC, (timezone('UTC', s.last_seen))::date DESC, s.outlets DESC, s.last_seen DESC, s.id DESC
      LIMIT ${limit} OFFSET ${offset}`
    return items(rows.map(r => r.id))
  }

  return {
    refresh: async (storyId: number) => {
      await refreshStory(db, storyId)
      pages.clear()
    },

    /** Clears the cached pages: a report was stored or deleted. */
    changed: () => pages.clear(),

    items,
    itemsOfReports,

    /**
     * Newest stories first (undated ones after dated ones), and within a day
     * the ones more outlets reported;
     * optionally on one topic, never with a muted word (`muted`: their stems).
     * The busiest read of the bot: pages are kept in memory for a moment.
     */
    async latest(options: { limit: number, offset?: number, topicId?: number, muted?: string[] }): Promise<StoryItem[]> {
      const { limit, offset = 0, topicId, muted = [] } = options
      return pages.get(`${limit}:${offset}:${topicId ?? ''}:${muted.join('|')}`, () => loadPage(limit, offset, topicId, muted))
    },

    /** A chat's digest now (the same definition the planner uses): its stories, and how many qualified. */
    async digest(chatId: number, since: Date): Promise<{ items: StoryItem[], total: number }> {
      const [row] = await db.$queryRaw<Array<{ article_ids: number[], total: number }>>`
        WITH due AS (SELECT ${BigInt(chatId)}::bigint AS chat_id, ${since}::timestamptz AS since), ${digestCtes()}
        SELECT article_ids, total FROM digest`
      return row ? { items: await itemsOfReports(row.article_ids), total: row.total } : { items: [], total: 0 }
    },

    /**
     * Live reports that share any of `keys` (day-stamped: the GIN index on
     * story_keys reads only the days asked for, never the archive), those sharing
     * most first, a few per story; and, for each key, how many stories have it.
     * `language`: the new report's (other languages' reports come without their words).
     */
    async candidates(keys: string[], language: Language): Promise<{ reports: CandidateReport[], storyCounts: Map<string, number> }> {
      if (keys.length === 0)
        return { reports: [], storyCounts: new Map() }
      const rows = await db.$queryRaw<Array<{ id: number, story_id: number, language: Language, at: Date, story_features: StoryFeatures, first_seen: Date, counts: Record<string, number> | null }>>`
        WITH shared AS (
          -- the keys as a subquery: seeing them, the planner guessed a quarter of
          -- the table would match (no statistics on such keys) and scanned it
          SELECT a.id, a.story_id, key
          FROM articles a, unnest(a.story_keys) AS key
          WHERE a.story_keys && (SELECT array_agg(k) FROM unnest(${keys}::text[]) AS k) AND a.deleted_at IS NULL AND key = ANY(${keys}::text[])
        ), counts AS (
          SELECT json_object_agg(key, n) AS counts FROM (SELECT key, count(DISTINCT story_id)::int AS n FROM shared GROUP BY key) k
        ), ranked AS (
          SELECT id, story_id, count(*) AS n, row_number() OVER (PARTITION BY story_id ORDER BY count(*) DESC, id DESC) AS in_story
          FROM shared GROUP BY id, story_id
        ), best AS (
          SELECT id, story_id FROM ranked WHERE in_story <= ${PER_STORY} ORDER BY n DESC, id DESC LIMIT ${MAX_CANDIDATES}
        )
        -- title and lead words compare only within a language: not sent for the other
        SELECT a.id, a.story_id, a.language::text AS language, coalesce(a.published_at, a.ingested_at) AS at,
               CASE WHEN a.language = ${language}::"Language" THEN a.story_features ELSE a.story_features - 'terms' || '{"terms": []}'::jsonb END AS story_features,
               s.first_seen, counts.counts
        FROM best JOIN articles a ON a.id = best.id JOIN stories s ON s.id = best.story_id, counts`
      return {
        reports: rows.map(r => ({ articleId: r.id, storyId: r.story_id, language: r.language, at: r.at, features: r.story_features, storyFirstSeen: r.first_seen })),
        storyCounts: new Map(Object.entries(rows[0]?.counts ?? {})),
      }
    },
  }
}

/** Languages, outlets and dates of a story from its live reports (after one was deleted). */
export async function refreshStory(db: Database, storyId: number): Promise<void> {
  await db.$executeRaw`
    UPDATE stories s SET
      languages = ARRAY(SELECT DISTINCT a.language FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL ORDER BY a.language),
      outlets = (SELECT count(DISTINCT coalesce(lower(a.source_name), 'article ' || a.id))::int FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL),
      dated = EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL AND a.published_at IS NOT NULL),
      first_seen = coalesce((SELECT min(coalesce(a.published_at, a.ingested_at)) FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL), s.first_seen),
      last_seen = coalesce((SELECT max(coalesce(a.published_at, a.ingested_at)) FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL), s.last_seen)
    WHERE s.id = ${storyId}`
}

export type StoryRepository = ReturnType<typeof createStoryRepository>
