// The one entry point through which every article enters the store: process,
// de-duplicate, add the other language, store.
import type { ArticleRepository, Duplicate, SummaryInput } from '#root/db/repositories/article-repository.js'
import type { Logger } from '#root/logger.js'
import { type Bilingual, LlmError, type SummaryProvider } from '#root/news/llm.js'
import type { PageProcessor } from '#root/news/page-workers.js'
import type { ProcessResult } from '#root/news/process.js'
import { LANGUAGES, type Language, type PageInput, type ProcessedArticle, type Rejection } from '#root/news/types.js'

export type IngestResult =
  | { status: 'stored', id: number | null, article: ProcessedArticle, summaries: Partial<Record<Language, SummaryInput>>, dryRun: boolean }
  | { status: 'duplicate', id: number, duplicate: Duplicate, article: ProcessedArticle, summaries: Partial<Record<Language, SummaryInput>> }
  | { status: 'rejected', rejection: Rejection }

export interface IngestDependencies {
  articles: ArticleRepository
  /** processing off the event loop (page workers), tagging with the stored topics */
  processPage: PageProcessor
  /** topic slug -> id, to link articles to topics without a lookup per link */
  topicIds: ReadonlyMap<string, number>
  provider?: SummaryProvider
  logger: Logger
  now?: () => Date
}

export function createIngest({ articles, processPage, topicIds, provider, logger, now = () => new Date() }: IngestDependencies) {
  async function bilingual(article: ProcessedArticle): Promise<Bilingual | undefined> {
    if (!provider)
      return undefined
    try {
      return await provider.bilingual({ title: article.title, body: article.body, language: article.language })
    }
    catch (error) {
      // the extractive summary stands
      logger.warn({ msg: 'LLM summary rejected; keeping the extractive one', provider: provider.name, reason: error instanceof LlmError ? error.message : String(error), title: article.title })
      return undefined
    }
  }

  function summariesOf(article: ProcessedArticle, llm: Bilingual | undefined): Partial<Record<Language, SummaryInput>> {
    const own: SummaryInput = { language: article.language, title: article.title, ...article.summary, method: 'extractive' }
    if (!llm)
      return { [article.language]: own }
    return Object.fromEntries(LANGUAGES.map(language => [language, {
      language,
      // the article's own title is the publisher's; only the other one is translated
      title: language === article.language ? article.title : llm[language].title,
      text: llm[language].summary,
      teaser: llm[language].teaser,
      method: 'llm' as const,
    }]))
  }

  /** The CPU-bound part, in a worker thread: extract (HTML), clean, date, tag, summarise. */
  function prepare(input: PageInput): Promise<ProcessResult> {
    return processPage(input, now())
  }

  /** The I/O part: de-duplicate, translate, store. */
  async function commit(processed: ProcessResult, options: { dryRun?: boolean } = {}): Promise<IngestResult> {
    if (!processed.ok)
      return { status: 'rejected', rejection: processed.rejection }
    const { article } = processed
    const duplicate = await articles.findDuplicate(article)
    if (duplicate)
      return { status: 'duplicate', id: duplicate.id, duplicate, article, summaries: summariesOf(article, undefined) }
    const summaries = summariesOf(article, await bilingual(article))
    if (options.dryRun)
      return { status: 'stored', id: null, article, summaries, dryRun: true }
    try {
      const id = await articles.create(article, Object.values(summaries), topicIds)
      return { status: 'stored', id, article, summaries, dryRun: false }
    }
    catch (error) {
      // a concurrent ingest of the same article won the unique constraint
      const raced = await articles.findDuplicate(article)
      if (raced)
        return { status: 'duplicate', id: raced.id, duplicate: raced, article, summaries }
      throw error
    }
  }

  const ingest = async (input: PageInput, options: { dryRun?: boolean } = {}) => commit(await prepare(input), options)
  return Object.assign(ingest, { prepare, commit })
}

export type Ingest = ReturnType<typeof createIngest>

/**
 * Ingests a sequence with each article's processing overlapping the previous
 * one's database work; the database steps stay one at a time and in order, so
 * de-duplication sees every earlier article. Results arrive in input order.
 */
export async function ingestInOrder<T>(
  ingest: Ingest,
  items: Iterable<T> | AsyncIterable<T>,
  read: (item: T) => Promise<PageInput | Rejection>,
  onResult: (item: T, result: IngestResult) => void,
  options: { dryRun?: boolean } = {},
): Promise<void> {
  let previous: Promise<void> = Promise.resolve()
  for await (const item of items) {
    const input = await read(item)
    const prepared: ProcessResult = 'code' in input ? { ok: false, rejection: input } : await ingest.prepare(input)
    const before = previous
    previous = before.then(async () => onResult(item, await ingest.commit(prepared, options)))
  }
  await previous
}
