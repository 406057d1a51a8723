// One poll of one claimed source: a conditional fetch; on a new document, the
// items never seen before go through the pipeline like any article (teasers get
// their page fetched first); then the source is settled: next poll, validators,
// counters, or the error and a back-off.
import type { ClaimedSource, SettledItem, SourceRepository } from '#root/db/repositories/source-repository.js'
import type { Logger } from '#root/logger.js'
import type { Ingest } from '#root/news/ingest.js'
import type { FetchPage } from '#root/news/inputs/fetch-page.js'
import type { ProcessResult } from '#root/news/process.js'
import type { ArticleInput } from '#root/news/types.js'
import { isFeedError, type SourceError, sourceError, storeError } from '#root/sources/errors.js'
import { FEED_LIMITS, fetchFeed, type FeedLimits } from '#root/sources/feed-fetch.js'
import type { FeedWorkers } from '#root/sources/feed-workers.js'
import { type SafeFetch, SafeFetchError } from '#root/net/safe-fetch.js'
import { type ByteBudget, type FetchLimiter, hostOf } from '#root/sources/limiter.js'
import { FeedParseError, type FeedItem, type ParsedFeed } from '#root/sources/parse.js'
import { backoffMs, FAILING_AFTER_MS, isTeaser, publishedAt, retryAfterMs, selectItems } from '#root/sources/policy.js'

export interface PollDependencies {
  sources: SourceRepository
  ingest: Ingest
  safeFetch: SafeFetch
  /** an item's page as pipeline input (the /post link fetcher); throws when it cannot */
  fetchPage: FetchPage
  limiter: FetchLimiter
  /** articles processed at once across polls: the pipeline is CPU-bound, more would only hold memory */
  ingestSlot: <T>(task: () => Promise<T>) => Promise<T>
  /** bytes of feed documents being read at once, across polls */
  documents: ByteBudget
  /** reads feeds off the event loop */
  feeds: FeedWorkers
  intervalMs: number
  /** limits of the feed's fetch (FEED_LIMITS) */
  feedLimits?: FeedLimits
  logger: Logger
  now?: () => Date
}

export interface PollResult {
  status: 'not-modified' | 'fetched' | 'failed' | 'interrupted'
  stored: number
  duplicates: number
  refused: number
  skipped: number
  error?: SourceError
}

/** Teaser pages are fetched only this long into a poll; after that the teasers stand. */
export const TEASER_BUDGET_MS = 2 * 60_000

function failureDelay(error: unknown, failures: number, intervalMs: number, now: Date): number {
  const backoff = backoffMs(failures, intervalMs)
  if (error instanceof SafeFetchError && error.code === 'http-status' && (error.args.status === 429 || error.args.status === 503))
    return Math.max(backoff, retryAfterMs(error.args.retryAfter === undefined ? undefined : String(error.args.retryAfter), now) ?? 0)
  return backoff
}

export async function pollSource(deps: PollDependencies, source: ClaimedSource, signal?: AbortSignal): Promise<PollResult> {
  const { sources, ingest, limiter, intervalMs, logger } = deps
  const now = deps.now ?? (() => new Date())
  const started = now().getTime()
  const result: PollResult = { status: 'fetched', stored: 0, duplicates: 0, refused: 0, skipped: 0 }
  const settled: SettledItem[] = []
  const log = logger.child({ source_id: source.id })

  async function fail(error: unknown): Promise<PollResult> {
    if (!isFeedError(error))
      log.error({ msg: 'Poll failed', err: error })
    result.status = 'failed'
    result.error = sourceError(error)
    await sources.settleItems(source.id, settled)
    const delayMs = failureDelay(error, source.failures + 1, intervalMs, now())
    await sources.failed(source, { error: storeError(result.error), delayMs, failingAfterMs: FAILING_AFTER_MS, stored: result.stored, refused: result.refused })
    log.info({ msg: 'Source poll failed', code: result.error.code, failures: source.failures + 1, retry_in_s: Math.round(delayMs / 1000) })
    return result
  }

  /**
   * The item processed: its page (extracted in a page worker) when the feed
   * gives only a teaser, with the feed's own facts over the page's (its title,
   * the outlet, its link and date); the teaser when the page cannot be fetched
   * or read.
   */
  async function processed(item: FeedItem): Promise<ProcessResult> {
    const date = publishedAt(item.publishedAt, now())
    // what the item does not say, the page may
    const stated = { url: item.link, sourceName: source.title, ...(item.title ? { title: item.title } : {}), ...(date ? { publishedAt: date } : {}) }
    const teaser: ArticleInput = { text: item.text, ...stated }
    if (item.link && isTeaser(item.text) && now().getTime() - started <= TEASER_BUDGET_MS && !signal?.aborted) {
      try {
        const page = await limiter.run(hostOf(item.link), () => deps.fetchPage(item.link!))
        const fromPage = await deps.ingestSlot(() => ingest.prepare({ ...page, ...stated }))
        if (fromPage.ok || fromPage.rejection.code === 'language')
          return fromPage
        log.info({ msg: 'Teaser page unreadable; the teaser stands', url: item.link, reason: fromPage.rejection.code })
      }
      catch (error) {
        if (!(error instanceof SafeFetchError))
          throw error
        log.info({ msg: 'Teaser page not fetched; the teaser stands', url: item.link, reason: error.code })
      }
    }
    return deps.ingestSlot(() => ingest.prepare(teaser))
  }

  let release = () => {}
  /**
   * The feed read, or undefined for a 304. Its share of the document budget is
   * taken before it is decoded and held until the poll ends; the text itself is
   * not kept.
   */
  async function fetchDocument(): Promise<{ feed: ParsedFeed, etag: string | null, lastModified: string | null } | undefined> {
    const response = await limiter.run(hostOf(source.feedUrl), () => fetchFeed(deps.safeFetch, source.feedUrl, source, deps.feedLimits ?? FEED_LIMITS))
    if (response.status === 304)
      return undefined
    release = await deps.documents.acquire(response.body.byteLength)
    const document = await deps.feeds.read(response)
    if (document.kind !== 'feed')
      throw new FeedParseError('not-a-feed', 'the feed address now answers with a web page')
    return { feed: document.feed, etag: response.etag, lastModified: response.lastModified }
  }

  try {
    const fetched = await fetchDocument()
    if (!fetched) {
      result.status = 'not-modified'
      await sources.succeeded(source, { delayMs: intervalMs })
      return result
    }
    const { feed, etag, lastModified } = fetched
    const reserved = await sources.reserveItems(source.id, feed.items.map(i => i.guid), source.claimedAt)
    const fresh = feed.items.filter(i => reserved.delete(i.guid))
    const { take, skip } = selectItems(fresh, { now: now(), firstPoll: source.lastSuccessAt === null })
    for (const item of skip)
      settled.push({ guid: item.guid, outcome: 'skipped' })
    result.skipped = skip.length
    const links = await sources.storedLinks(take.flatMap(i => i.link ?? []))
    for (const [index, item] of take.entries()) {
      if (signal?.aborted) {
        // shutting down: the rest are left for the next poll, which is due at once
        result.status = 'interrupted'
        await sources.settleItems(source.id, settled)
        await sources.unreserveItems(source.id, take.slice(index).map(i => i.guid))
        await sources.release(source, { stored: result.stored, refused: result.refused })
        return result
      }
      const known = item.link === undefined ? undefined : links.get(item.link)
      if (known !== undefined) {
        settled.push({ guid: item.guid, outcome: 'duplicate', articleId: known })
        result.duplicates++
        continue
      }
      const prepared = await processed(item)
      const ingested = await deps.ingestSlot(() => ingest.commit(prepared, { origin: { sourceId: source.id, guid: item.guid } }))
      if (ingested.status === 'stored') {
        settled.push({ guid: item.guid, outcome: 'stored', articleId: ingested.id ?? undefined })
        result.stored++
      }
      else if (ingested.status === 'duplicate') {
        settled.push({ guid: item.guid, outcome: 'duplicate', articleId: ingested.id })
        result.duplicates++
      }
      else {
        settled.push({ guid: item.guid, outcome: 'refused' })
        result.refused++
      }
    }
    await sources.settleItems(source.id, settled)
    await sources.succeeded(source, { delayMs: intervalMs, etag, lastModified, kind: feed.kind, stored: result.stored, refused: result.refused })
    if (result.stored + result.refused + result.duplicates > 0)
      log.info({ msg: 'Source polled', stored: result.stored, duplicates: result.duplicates, refused: result.refused, skipped: result.skipped })
    return result
  }
  catch (error) {
    return fail(error)
  }
  finally {
    release()
  }
}
