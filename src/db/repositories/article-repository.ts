import type { Database } from '#root/db/client.js'
import { createTtlCache } from '#root/db/ttl-cache.js'
import type { SummaryMethod } from '#root/generated/prisma/enums.js'
import { NEAR_DUPLICATE, similarity } from '#root/news/fingerprint.js'
import type { Language, ProcessedArticle } from '#root/news/types.js'

export interface SummaryInput {
  language: Language
  title: string
  text: string
  teaser: string
  method: SummaryMethod
}

export type Duplicate = { id: number, by: 'url' | 'content' } | { id: number, by: 'similar', similarity: number }

const NEAR_CANDIDATES = 50

/** How long a /latest or /topic page may be served from memory. */
export const LATEST_CACHE_MS = 2000

export function createArticleRepository(db: Database, cacheMs = LATEST_CACHE_MS) {
  const pages = createTtlCache<LatestPage>(cacheMs)

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
     * query compiler's overhead would be most of its cost.
     */
    async findDuplicate(article: Pick<ProcessedArticle, 'url' | 'contentHash' | 'fingerprint'>): Promise<Duplicate | undefined> {
      // any shared MinHash value makes a candidate (GIN index on fingerprint)
      const rows = await db.$queryRaw<Array<{ id: number, url: string | null, content_hash: string, fingerprint: number[] }>>`
        SELECT id, url, content_hash, fingerprint FROM articles
        WHERE content_hash = ${article.contentHash}
           OR (${article.url}::text IS NOT NULL AND url = ${article.url})
           OR (fingerprint && ${article.fingerprint}::int[] AND deleted_at IS NULL)
        ORDER BY (content_hash = ${article.contentHash} OR url = ${article.url}) DESC, id DESC
        LIMIT ${NEAR_CANDIDATES}`
      let best: Duplicate | undefined
      for (const row of rows) {
        if (row.content_hash === article.contentHash || (article.url !== null && row.url === article.url))
          return { id: row.id, by: row.url !== null && row.url === article.url ? 'url' : 'content' }
        const score = similarity(article.fingerprint, row.fingerprint)
        if (score >= NEAR_DUPLICATE && (!best || best.by !== 'similar' || score > best.similarity))
          best = { id: row.id, by: 'similar', similarity: score }
      }
      return best
    },

    /**
     * Stores the article, its summaries and topic links (topic ids by slug) in one
     * statement, so atomically and in one round trip.
     */
    async create(article: ProcessedArticle, summaries: SummaryInput[], topicIds: ReadonlyMap<string, number>): Promise<number> {
      const links = article.topics.filter(t => topicIds.has(t.slug))
      const [row] = await db.$queryRaw<Array<{ id: number }>>`
        WITH inserted AS (
          INSERT INTO articles (source_name, url, language, title, body, published_at, content_hash, fingerprint)
          VALUES (${article.sourceName}, ${article.url}, ${article.language}::"Language", ${article.title}, ${article.body},
                  ${article.publishedAt}::timestamptz, ${article.contentHash}, ${article.fingerprint}::int[])
          RETURNING id
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
        )
        SELECT id FROM inserted`
      if (!row)
        throw new Error('The article was not inserted')
      pages.clear()
      return row.id
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

    /** Live articles on any of `topicIds` published or ingested after `since`, newest first. */
    async forDigest(topicIds: number[], since: Date, limit: number) {
      const where = {
        deletedAt: null,
        topics: { some: { topicId: { in: topicIds } } },
        OR: [{ ingestedAt: { gt: since } }, { publishedAt: { gt: since } }],
      }
      const [items, total] = await Promise.all([
        db.article.findMany({
          where,
          orderBy: [{ ingestedAt: 'desc' }, { id: 'desc' }],
          take: limit,
          include: { summaries: true, topics: { select: { topicId: true, score: true } } },
        }),
        db.article.count({ where }),
      ])
      return { items, total }
    },

    /** Live articles by id, in the order of `ids`. */
    async byIds(ids: number[]) {
      const rows = await db.article.findMany({ where: { id: { in: ids }, deletedAt: null }, include: { summaries: true, topics: { select: { topicId: true, score: true } } } })
      const byId = new Map(rows.map(r => [r.id, r]))
      return ids.flatMap(id => byId.get(id) ?? [])
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
      const { count } = await db.article.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } })
      pages.clear()
      return count > 0
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
