// The poller's rules, as pure functions of their inputs: which items of a feed
// are taken, when a source is polled next, when it counts as failing.
import type { FeedItem } from '#root/sources/parse.js'

/** The first poll of a new source takes at most this many items... */
export const FIRST_POLL_ITEMS = 30
/** ...and, like every poll, none older than this: adding a feed never floods digests with old news. */
export const MAX_ITEM_AGE_MS = 3 * 24 * 60 * 60 * 1000
/** Any later poll takes at most this many new items (a feed that suddenly lists thousands). */
export const MAX_NEW_ITEMS = 200
/** Feed text shorter than this is a teaser: the item's page is fetched for the article. */
export const TEASER_CHARS = 600
/** Back-off after failures never waits longer than this (or the interval, when that is longer). */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000
/** A source whose polls have failed for this long is shown as failing. */
export const FAILING_AFTER_MS = 24 * 60 * 60 * 1000
/** Retry-After is honoured up to this. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

export interface Selection {
  /** to ingest, newest first */
  take: FeedItem[]
  /** to record as seen and leave out */
  skip: FeedItem[]
}

/**
 * Of the items not seen before: those within the age window, newest first
 * (undated ones after the dated, in feed order), at most FIRST_POLL_ITEMS on a
 * source's first poll and MAX_NEW_ITEMS on any other.
 */
export function selectItems(items: FeedItem[], options: { now: Date, firstPoll: boolean }): Selection {
  const oldest = options.now.getTime() - MAX_ITEM_AGE_MS
  const recent: FeedItem[] = []
  const skip: FeedItem[] = []
  for (const item of items)
    (item.publishedAt && item.publishedAt.getTime() < oldest ? skip : recent).push(item)
  // Array.prototype.sort is stable: undated items keep the feed's order
  recent.sort((a, b) => (b.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY) - (a.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY))
  const limit = options.firstPoll ? FIRST_POLL_ITEMS : MAX_NEW_ITEMS
  return { take: recent.slice(0, limit), skip: [...skip, ...recent.slice(limit)] }
}

/** An item's date as stored: never in the future. */
export function publishedAt(date: Date | undefined, now: Date): Date | undefined {
  return date && date.getTime() > now.getTime() ? now : date
}

export function isTeaser(text: string): boolean {
  return text.replace(/\s+/g, ' ').trim().length < TEASER_CHARS
}

/** How long to wait after the `failures`-th failure in a row: the interval, doubled per failure, capped. */
export function backoffMs(failures: number, intervalMs: number): number {
  const cap = Math.max(intervalMs, MAX_BACKOFF_MS)
  return Math.min(cap, intervalMs * 2 ** Math.max(0, Math.min(failures - 1, 30)))
}

/** Retry-After (delay-seconds or an HTTP date) in ms from `now`, capped at a day; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header?.trim())
    return undefined
  const value = header.trim()
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : new Date(value).getTime() - now.getTime()
  if (Number.isNaN(ms))
    return undefined
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms))
}
