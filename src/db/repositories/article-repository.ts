import type { Database } from '#root/db/client.js'
import type { ProcessedArticle } from '#root/news/types.js'

export type StoreResult = { status: 'stored', id: number } | { status: 'duplicate', id: number }

export function createArticleRepository(db: Database) {
  return {
    /** Stores the article with its summary unless the same URL or content is already there. */
    async store(article: ProcessedArticle): Promise<StoreResult> {
      const existing = await db.article.findFirst({
        where: { OR: [{ contentHash: article.contentHash }, ...(article.url ? [{ url: article.url }] : [])] },
        select: { id: true },
      })
      if (existing)
        return { status: 'duplicate', id: existing.id }
      const { summary, ...fields } = article
      try {
        const created = await db.article.create({
          data: { ...fields, summaries: { create: { language: article.language, ...summary, title: article.title, method: 'extractive' } } },
          select: { id: true },
        })
        return { status: 'stored', id: created.id }
      }
      catch (error) {
        // a concurrent ingest of the same article won the unique constraint
        const raced = await db.article.findFirst({ where: { contentHash: article.contentHash }, select: { id: true } })
        if (raced)
          return { status: 'duplicate', id: raced.id }
        throw error
      }
    },

    async count(): Promise<number> {
      return db.article.count()
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
