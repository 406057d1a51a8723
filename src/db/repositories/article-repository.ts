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
    /** An existing article with the same URL or content, or one nearly the same (MinHash). */
    async findDuplicate(article: Pick<ProcessedArticle, 'url' | 'contentHash' | 'fingerprint'>): Promise<Duplicate | undefined> {
      const exact = await db.article.findFirst({
        where: { OR: [{ contentHash: article.contentHash }, ...(article.url ? [{ url: article.url }] : [])] },
        select: { id: true, url: true },
      })
      if (exact)
        return { id: exact.id, by: article.url && exact.url === article.url ? 'url' : 'content' }
      // any shared MinHash value makes a candidate (GIN index on fingerprint)
      const candidates = await db.article.findMany({
        where: { fingerprint: { hasSome: article.fingerprint }, deletedAt: null },
        select: { id: true, fingerprint: true },
        orderBy: { id: 'desc' },
        take: NEAR_CANDIDATES,
      })
      let best: Duplicate | undefined
      for (const candidate of candidates) {
        const score = similarity(article.fingerprint, candidate.fingerprint)
        if (score >= NEAR_DUPLICATE && (!best || best.by !== 'similar' || score > best.similarity))
          best = { id: candidate.id, by: 'similar', similarity: score }
      }
      return best
    },

    /** Stores the article, its summaries and topic links in one transaction. */
    async create(article: ProcessedArticle, summaries: SummaryInput[]): Promise<number> {
      const { summary: _extractive, topics, ...fields } = article
      const created = await db.article.create({
        data: {
          ...fields,
          summaries: { create: summaries },
          topics: { create: topics.map(t => ({ score: t.score, topic: { connect: { slug: t.slug } } })) },
        },
        select: { id: true },
      })
      return created.id
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
