// The one entry point through which every article enters the store: process,
// de-duplicate, add the other language, group with other reports of its event,
// store.
import type { ArticleOrigin, ArticleRepository, Duplicate, SummaryInput } from '#root/db/repositories/article-repository.js'
import type { StoryRepository } from '#root/db/repositories/story-repository.js'
import { stemLine } from '#root/digest/muted.js'
import type { Logger } from '#root/logger.js'
import { type Bilingual, LlmError, type SummaryProvider } from '#root/news/llm.js'
import type { PageProcessor } from '#root/news/page-workers.js'
import type { ProcessResult } from '#root/news/process.js'
import { LANGUAGES, type Language, type PageInput, type ProcessedArticle, type Rejection } from '#root/news/types.js'
import { datedKeys, dayNumber, lookupKeys, storyKeys, undated } from '#root/stories/context.js'
import { type StoryFeatures, storyFeatures } from '#root/stories/features.js'
import { chooseStory, MAX_DAYS_APART, type MatchContext } from '#root/stories/match.js'

type Summaries = Partial<Record<Language, SummaryInput>>

/** `story`: the story id (stored and duplicate articles; in a dry run the story it would join, else null). */
export type IngestResult =
  | { status: 'stored', id: number | null, story: number | null, article: ProcessedArticle, summaries: Summaries, dryRun: boolean }
  | { status: 'duplicate', id: number, story: number, duplicate: Duplicate, article: ProcessedArticle, summaries: Summaries }
  | { status: 'rejected', rejection: Rejection }

/** A processed article with its story features (both CPU work, done before the database steps). */
export type Prepared = ProcessResult & { features?: StoryFeatures }

export interface IngestDependencies {
  articles: ArticleRepository
  stories: StoryRepository
  /** processing off the event loop (page workers), tagging with the stored topics */
  processPage: PageProcessor
  /** topic slug -> id, to link articles to topics without a lookup per link */
  topicIds: ReadonlyMap<string, number>
  /** the names everyone writes about (createStoryContext) */
  storyContext: Pick<MatchContext, 'places' | 'known'>
  /** false: every article is a story of its own (the benchmark's baseline) */
  grouping?: boolean
  provider?: SummaryProvider
  logger: Logger
  now?: () => Date
}

export function createIngest({ articles, stories, processPage, topicIds, storyContext, grouping = true, provider, logger, now = () => new Date() }: IngestDependencies) {
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

  function summariesOf(article: ProcessedArticle, llm: Bilingual | undefined): Summaries {
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

  /**
   * The CPU-bound part, in a worker thread: extract (HTML), clean, date, tag,
   * summarise; then what grouping compares.
   */
  async function prepare(input: PageInput): Promise<Prepared> {
    const processed = await processPage(input, now())
    return processed.ok ? { ...processed, features: storyFeatures(processed.article) } : processed
  }

  /** The day a report is grouped by: its publication date, else today. */
  const dayOf = (article: Pick<ProcessedArticle, 'publishedAt'>) => dayNumber(article.publishedAt ?? now())

  /** The story of the same event among the reports of those days, if any. */
  async function findStory(article: ProcessedArticle, features: StoryFeatures, keys: string[]): Promise<number | undefined> {
    if (!grouping)
      return undefined
    const day = dayOf(article)
    const found = await stories.candidates(lookupKeys(keys, day, MAX_DAYS_APART), article.language)
    // rarity counts stories per name or number, whatever day they were seen
    const storyCounts = new Map<string, number>()
    for (const [key, count] of found.storyCounts)
      storyCounts.set(undated(key), (storyCounts.get(undated(key)) ?? 0) + count)
    const chosen = chooseStory(
      { language: article.language, day, features },
      found.reports.map(r => ({ storyId: r.storyId, language: r.language, day: dayNumber(r.at), storyFirstDay: dayNumber(r.storyFirstSeen), features: r.features })),
      { ...storyContext, storyCounts },
    )
    return chosen?.storyId
  }

  /**
   * Stores a new article in the story of its event, or in a story of its own
   * (an admin's /post comes here too, after its edits).
   */
  async function store(article: ProcessedArticle, summaries: Summaries, features = storyFeatures(article), origin?: ArticleOrigin): Promise<{ id: number, storyId: number }> {
    const keys = storyKeys(features, storyContext)
    const join = await findStory(article, features, keys)
    const stems = stemLine([article.title, ...Object.values(summaries).flatMap(s => [s.title, s.text])])
    return articles.create(article, Object.values(summaries), topicIds, { join, keys: datedKeys(keys, dayOf(article)), features, stems }, origin)
  }

  /** The I/O part: de-duplicate, translate, group, store (with the feed item it came from, if any). */
  async function commit(processed: Prepared, options: { dryRun?: boolean, origin?: ArticleOrigin } = {}): Promise<IngestResult> {
    if (!processed.ok)
      return { status: 'rejected', rejection: processed.rejection }
    const { article } = processed
    const features = processed.features ?? storyFeatures(article)
    const duplicate = await articles.findDuplicate(article)
    if (duplicate)
      return { status: 'duplicate', id: duplicate.id, story: duplicate.storyId, duplicate, article, summaries: summariesOf(article, undefined) }
    const summaries = summariesOf(article, await bilingual(article))
    if (options.dryRun)
      return { status: 'stored', id: null, story: await findStory(article, features, storyKeys(features, storyContext)) ?? null, article, summaries, dryRun: true }
    try {
      const { id, storyId } = await store(article, summaries, features, options.origin)
      return { status: 'stored', id, story: storyId, article, summaries, dryRun: false }
    }
    catch (error) {
      // a concurrent ingest of the same article won the unique constraint
      const raced = await articles.findDuplicate(article)
      if (raced)
        return { status: 'duplicate', id: raced.id, story: raced.storyId, duplicate: raced, article, summaries }
      throw error
    }
  }

  /**
   * Articles stored before stories get their story keys and stems, so that new
   * reports find them and muted words hide them; each stays a story of its own.
   * Returns how many were brought up to date.
   */
  async function backfill(batch = 500): Promise<number> {
    let done = 0
    for (;;) {
      const rows = await articles.withoutStoryFeatures(batch)
      await articles.setStoryFeatures(rows.map((row) => {
        const features = storyFeatures(row)
        const day = dayNumber(row.publishedAt ?? row.ingestedAt)
        return { id: row.id, keys: datedKeys(storyKeys(features, storyContext), day), features, stems: stemLine([row.title, ...row.summaries.flatMap(s => [s.title, s.text])]) }
      }))
      done += rows.length
      if (rows.length < batch)
        return done
    }
  }

  const ingest = async (input: PageInput, options: { dryRun?: boolean } = {}) => commit(await prepare(input), options)
  return Object.assign(ingest, { prepare, commit, store, backfill })
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
    const prepared: Prepared = 'code' in input ? { ok: false, rejection: input } : await ingest.prepare(input)
    const before = previous
    previous = before.then(async () => onResult(item, await ingest.commit(prepared, options)))
  }
  await previous
}
