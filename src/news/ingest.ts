// The one entry point through which every article enters the store.
import type { ArticleRepository } from '#root/db/repositories/article-repository.js'
import { processArticle } from '#root/news/process.js'
import type { ArticleInput, ProcessedArticle } from '#root/news/types.js'

export type IngestResult =
  | { status: 'stored' | 'duplicate', id: number, article: ProcessedArticle }
  | { status: 'rejected', reason: 'empty' | 'language' }

export interface IngestDependencies {
  articles: ArticleRepository
}

export function createIngest({ articles }: IngestDependencies) {
  return async function ingest(input: ArticleInput): Promise<IngestResult> {
    const processed = processArticle(input)
    if (!processed.ok)
      return { status: 'rejected', reason: processed.reason }
    const stored = await articles.store(processed.article)
    return { ...stored, article: processed.article }
  }
}

export type Ingest = ReturnType<typeof createIngest>
