// Stories: the reports an article may join, and a story's figures after one of
// its reports is deleted.
import type { Database } from '#root/db/client.js'
import type { Language } from '#root/news/types.js'
import type { StoryFeatures } from '#root/stories/features.js'

/** How many candidate reports are scored; the ones sharing most keys come first. */
const MAX_CANDIDATES = 60

export interface CandidateReport {
  articleId: number
  storyId: number
  language: Language
  /** publication date, else ingest time */
  at: Date
  features: StoryFeatures
  storyFirstSeen: Date
}

export function createStoryRepository(db: Database) {
  return {
    /**
     * Live reports dated between `from` and `to` that share any of `keys`
     * (the GIN index on story_keys and the expression index on the report's
     * date, never a scan of the archive), those sharing most first; and, for
     * each key, how many stories of that window have it.
     */
    refresh: (storyId: number) => refreshStory(db, storyId),

    async candidates(keys: string[], from: Date, to: Date): Promise<{ reports: CandidateReport[], storyCounts: Map<string, number> }> {
      if (keys.length === 0)
        return { reports: [], storyCounts: new Map() }
      const rows = await db.$queryRaw<Array<{ id: number, story_id: number, language: Language, at: Date, story_features: StoryFeatures, first_seen: Date, counts: Record<string, number> | null }>>`
        WITH matched AS (
          SELECT a.id, a.story_id, ARRAY(SELECT unnest(a.story_keys) INTERSECT SELECT unnest(${keys}::text[])) AS shared
          FROM articles a
          WHERE a.deleted_at IS NULL AND a.story_features IS NOT NULL AND a.story_keys && ${keys}::text[]
            AND coalesce(a.published_at, a.ingested_at) >= ${from}::timestamptz AND coalesce(a.published_at, a.ingested_at) < ${to}::timestamptz
        ), counts AS (
          SELECT json_object_agg(key, n) AS counts FROM (
            SELECT key, count(DISTINCT matched.story_id)::int AS n FROM matched, unnest(matched.shared) AS key GROUP BY key) k
        ), best AS (
          SELECT id, story_id FROM matched ORDER BY cardinality(shared) DESC, id DESC LIMIT ${MAX_CANDIDATES}
        )
        SELECT a.id, a.story_id, a.language::text AS language, coalesce(a.published_at, a.ingested_at) AS at, a.story_features, s.first_seen, counts.counts
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
      first_seen = coalesce((SELECT min(coalesce(a.published_at, a.ingested_at)) FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL), s.first_seen),
      last_seen = coalesce((SELECT max(coalesce(a.published_at, a.ingested_at)) FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL), s.last_seen)
    WHERE s.id = ${storyId}`
}

export type StoryRepository = ReturnType<typeof createStoryRepository>
