import type { Database } from '#root/db/client.js'
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

export function createArticleRepository(db: Database) {
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
      return row.id
    },

    async count(): Promise<number> {
      return db.article.count()
    },

    async findById(id: number) {
      return db.article.findUnique({ where: { id }, include: { summaries: true, topics: { include: { topic: true } } } })
    },

    /** Newest live articles first: by publication date where known, else by ingest time. */
    async latest(limit: number, offset = 0) {
      return db.article.findMany({
        where: { deletedAt: null },
        orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { ingestedAt: 'desc' }, { id: 'desc' }],
        take: limit,
        skip: offset,
        include: { summaries: true },
      })
    },
  }
}

export type ArticleRepository = ReturnType<typeof createArticleRepository>
export type ArticleWithSummaries = Awaited<ReturnType<ArticleRepository['latest']>>[number]
