import type { Database } from '#root/db/client.js'
import { refreshStory } from '#root/db/repositories/story-repository.js'
import { createTtlCache } from '#root/db/ttl-cache.js'
import { Prisma } from '#root/generated/prisma/client.js'
import type { SummaryMethod } from '#root/generated/prisma/enums.js'
import { NEAR_DUPLICATE, similarity } from '#root/news/fingerprint.js'
import type { Language, ProcessedArticle } from '#root/news/types.js'
import type { StoryFeatures } from '#root/stories/features.js'

export interface SummaryInput {
  language: Language
  title: string
  text: string
  teaser: string
  method: SummaryMethod
}

/** Where a feed's article came from: its source and the item's guid there. */
export interface ArticleOrigin {
  sourceId: number
  guid: string
}

export type Duplicate = ({ by: 'url' | 'content' } | { by: 'similar', similarity: number }) & { id: number, storyId: number }

/** Where a new article goes: into an existing story, or a story of its own; and what grouping and muting need of it. */
export interface StoryPlacement {
  /** the story it joins; undefined: it starts its own */
  join?: number
  keys: string[]
  features: StoryFeatures
  /** " stem stem ... " of its title and summaries */
  stems: string
}

const NEAR_CANDIDATES = 50

/** How long a /latest or /topic page may be served from memory. */
export const LATEST_CACHE_MS = 2000

export function createArticleRepository(db: Database, cacheMs = LATEST_CACHE_MS, onChange: () => void = () => {}) {
  const cache = createTtlCache<LatestPage>(cacheMs)
  // cached pages here and of the stories (onChange) go when an article comes or goes
  const pages = { get: cache.get, clear: () => { cache.clear(); onChange() } }

  function loadLatest(limit: number, offset: number, topicId?: number) {
    return db.article.findMany({
      where: { deletedAt: null, ...(topicId === undefined ? {} : { topics: { some: { topicId } } }) },
      orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { ingestedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      skip: offset,
      include: { summaries: true, topics: { select: { topicId: true, score: true } } },
    })
  }
  type LatestPage = Awaited<ReturnType<typeof loadLatest>>

  return {
    /**
     * An existing article with the same URL or content, or one nearly the same
     * (MinHash). One statement: ingest runs this for every article, and the
     * query compiler's overhead would be most of its cost. Each branch is an
     * index lookup, so its cost does not grow with the store: near-duplicate
     * candidates are the articles sharing an LSH band (article_bands).
     */
    async findDuplicate(article: Pick<ProcessedArticle, 'url' | 'contentHash' | 'fingerprint'>): Promise<Duplicate | undefined> {
      const rows = await db.$queryRaw<Array<{ id: number, story_id: number, url: string | null, content_hash: string, fingerprint: number[] }>>`
        WITH candidates AS (
          SELECT id FROM articles WHERE content_hash = ${article.contentHash}
          UNION SELECT id FROM articles WHERE ${article.url}::text IS NOT NULL AND url = ${article.url}
          UNION SELECT article_id FROM article_bands WHERE band = ANY(minhash_bands(${article.fingerprint}::int[]))
        )
        SELECT a.id, a.story_id, a.url, a.content_hash, a.fingerprint FROM articles a JOIN candidates c ON c.id = a.id
        WHERE a.content_hash = ${article.contentHash} OR a.url = ${article.url} OR a.deleted_at IS NULL
        ORDER BY (a.content_hash = ${article.contentHash} OR a.url = ${article.url}) DESC, a.id DESC
        LIMIT ${NEAR_CANDIDATES}`
      let best: Duplicate | undefined
      for (const row of rows) {
        if (row.content_hash === article.contentHash || (article.url !== null && row.url === article.url))
          return { id: row.id, storyId: row.story_id, by: row.url !== null && row.url === article.url ? 'url' : 'content' }
        const score = similarity(article.fingerprint, row.fingerprint)
        if (score >= NEAR_DUPLICATE && (!best || best.by !== 'similar' || score > best.similarity))
          best = { id: row.id, storyId: row.story_id, by: 'similar', similarity: score }
      }
      return best
    },

    /**
     * Stores the article, its summaries, topic links (topic ids by slug) and
     * near-duplicate bands, and starts its story or adds it to the one it joins,
     * in one statement, so atomically and in one round trip. Returns the
     * article's and its story's id.
     */
    async create(article: ProcessedArticle, summaries: SummaryInput[], topicIds: ReadonlyMap<string, number>, story: StoryPlacement, origin?: ArticleOrigin): Promise<{ id: number, storyId: number }> {
      const links = article.topics.filter(t => topicIds.has(t.slug))
      const join = story.join ?? null
      const [row] = await db.$queryRaw<Array<{ id: number, story_id: number }>>`
        WITH story AS (
          SELECT coalesce(${join}::int, nextval(pg_get_serial_sequence('stories', 'id'))::int) AS id
        ), inserted AS (
          INSERT INTO articles (source_name, url, language, title, body, published_at, content_hash, fingerprint, source_id, guid, story_id, story_keys, story_features, stems)
          SELECT ${article.sourceName}, ${article.url}, ${article.language}::"Language", ${article.title}, ${article.body},
                 ${article.publishedAt}::timestamptz, ${article.contentHash}, ${article.fingerprint}::int[], ${origin?.sourceId ?? null}::int, ${origin?.guid ?? null},
                 story.id, ${story.keys}::text[], ${JSON.stringify(story.features)}::jsonb, ${story.stems}
          FROM story
          RETURNING id, story_id, language, source_name, coalesce(published_at, ingested_at) AS at, published_at IS NOT NULL AS dated
        ), new_story AS (
          INSERT INTO stories (id, lead_article_id, first_seen, last_seen, languages, outlets, dated)
          SELECT story_id, id, at, at, ARRAY[language], 1, dated FROM inserted WHERE ${join}::int IS NULL
        ), joined AS (
          -- the new report is not visible to this statement: it is counted beside the others
          UPDATE stories s SET
            first_seen = least(s.first_seen, i.at), last_seen = greatest(s.last_seen, i.at), dated = s.dated OR i.dated,
            languages = ARRAY(SELECT DISTINCT l FROM unnest(s.languages || i.language) AS l ORDER BY l),
            outlets = (SELECT count(DISTINCT o)::int FROM (
              SELECT coalesce(lower(a.source_name), 'article ' || a.id) AS o FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL
              UNION ALL SELECT coalesce(lower(i.source_name), 'article ' || i.id)) AS outlets)
          FROM inserted i WHERE s.id = i.story_id AND ${join}::int IS NOT NULL
        ), summary_rows AS (
          INSERT INTO summaries (article_id, language, title, text, teaser, method)
          SELECT inserted.id, s.language::"Language", s.title, s.text, s.teaser, s.method::"SummaryMethod"
          FROM inserted, unnest(${summaries.map(x => x.language)}::text[], ${summaries.map(x => x.title)}::text[],
                                ${summaries.map(x => x.text)}::text[], ${summaries.map(x => x.teaser)}::text[],
                                ${summaries.map(x => x.method)}::text[]) AS s(language, title, text, teaser, method)
        ), topic_rows AS (
          INSERT INTO article_topics (article_id, topic_id, score)
          SELECT inserted.id, t.topic_id, t.score
          FROM inserted, unnest(${links.map(t => topicIds.get(t.slug)!)}::int[], ${links.map(t => t.score)}::float8[]) AS t(topic_id, score)
        ), band_rows AS (
          INSERT INTO article_bands (band, article_id)
          SELECT b, inserted.id FROM inserted, unnest(minhash_bands(${article.fingerprint}::int[])) AS b
        )
        SELECT id, story_id FROM inserted`
      if (!row)
        throw new Error('The article was not inserted')
      pages.clear()
      return { id: row.id, storyId: row.story_id }
    },

    /** Articles stored before stories, without story features and stems yet (a batch). */
    async withoutStoryFeatures(limit: number) {
      return db.article.findMany({
        where: { storyFeatures: { equals: Prisma.AnyNull } },
        select: { id: true, title: true, body: true, language: true, publishedAt: true, ingestedAt: true, summaries: { select: { title: true, text: true } } },
        orderBy: { id: 'asc' },
        take: limit,
      })
    },

    /** Sets the story keys, features and stems of articles stored before stories, in one statement. */
    async setStoryFeatures(rows: Array<{ id: number, keys: string[], features: StoryFeatures, stems: string }>): Promise<void> {
      if (rows.length === 0)
        return
      await db.$executeRaw`
        UPDATE articles a SET story_keys = ARRAY(SELECT jsonb_array_elements_text(r.keys)), story_features = r.features, stems = r.stems
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id int, keys jsonb, features jsonb, stems text)
        WHERE a.id = r.id`
    },

    async count(): Promise<number> {
      return db.article.count()
    },

    async findById(id: number) {
      return db.article.findUnique({ where: { id }, include: { summaries: true, topics: { include: { topic: true } } } })
    },

    /**
     * Newest live articles first (by publication date where known, else ingest
     * time), optionally of one topic. The busiest read of the bot: pages are kept
     * in memory for LATEST_CACHE_MS, and this process's writes clear them.
     */
    async latest(limit: number, offset = 0, topicId?: number): Promise<LatestPage> {
      return pages.get(`${limit}:${offset}:${topicId ?? ''}`, () => loadLatest(limit, offset, topicId))
    },

    async countLive(topicId?: number): Promise<number> {
      return db.article.count({ where: { deletedAt: null, ...(topicId === undefined ? {} : { topics: { some: { topicId } } }) } })
    },

    /**
     * Full-text search over title and body with the English and the Russian
     * configuration at once (expression index articles_search_idx), ranked.
     * `alternatives` are OR-ed in: topic names in both languages, so that
     * "талибов" also finds English articles about the Taliban.
     */
    async search(query: string, alternatives: string[], limit: number) {
      const text = [query, ...alternatives.map(a => `"${a.replace(/"/g, '')}"`)].join(' or ')
      const rows = await db.$queryRaw<Array<{ id: number }>>`
        WITH q AS (SELECT websearch_to_tsquery('english', ${text}) || websearch_to_tsquery('russian', ${text}) AS query)
        SELECT a.id FROM articles a, q
        WHERE a.deleted_at IS NULL AND (
          setweight(to_tsvector('english'::regconfig, a.title), 'A') || setweight(to_tsvector('english'::regconfig, a.body), 'B') ||
          setweight(to_tsvector('russian'::regconfig, a.title), 'A') || setweight(to_tsvector('russian'::regconfig, a.body), 'B')) @@ q.query
        ORDER BY ts_rank(
          setweight(to_tsvector('english'::regconfig, a.title), 'A') || setweight(to_tsvector('english'::regconfig, a.body), 'B') ||
          setweight(to_tsvector('russian'::regconfig, a.title), 'A') || setweight(to_tsvector('russian'::regconfig, a.body), 'B'), q.query) DESC, a.id DESC
        LIMIT ${limit}`
      if (rows.length === 0)
        return []
      const articles = await db.article.findMany({ where: { id: { in: rows.map(r => r.id) } }, include: { summaries: true, topics: { select: { topicId: true, score: true } } } })
      const byId = new Map(articles.map(a => [a.id, a]))
      return rows.flatMap(r => byId.get(r.id) ?? [])
    },

    /** Soft delete: the article stays for the record but is shown nowhere. False when already deleted or absent. */
    async softDelete(id: number): Promise<boolean> {
      const rows = await db.$queryRaw<Array<{ story_id: number }>>`
        UPDATE articles SET deleted_at = now() WHERE id = ${id} AND deleted_at IS NULL RETURNING story_id`
      pages.clear()
      if (rows[0])
        await refreshStory(db, rows[0].story_id)
      return rows.length > 0
    },

    async countByLanguage(): Promise<Record<'en' | 'ru', number>> {
      const groups = await db.article.groupBy({ by: ['language'], where: { deletedAt: null }, _count: { _all: true } })
      const counts = { en: 0, ru: 0 }
      for (const g of groups)
        counts[g.language] = g._count._all
      return counts
    },
  }
}

export type ArticleRepository = ReturnType<typeof createArticleRepository>
/** What renderers need of an article: its fields, summaries and topic ids. */
export type ArticleWithSummaries = Awaited<ReturnType<ArticleRepository['latest']>>[number]
