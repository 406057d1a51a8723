// Adding a source: the admin's URL is a feed, or a page that advertises one
// (then its first advertised feed is taken). The feed is fetched and read at
// once, so a bad address is refused with its reason before anything is stored.
import type { Source, SourceRepository } from '#root/db/repositories/source-repository.js'
import { clip } from '#root/news/text.js'
import type { FeedLink } from '#root/sources/discover.js'
import { isFeedError, type SourceError, sourceError } from '#root/sources/errors.js'
import { fetchFeed } from '#root/sources/feed-fetch.js'
import type { FeedWorkers } from '#root/sources/feed-workers.js'
import { type SafeFetch, SafeFetchError } from '#root/net/safe-fetch.js'
import { normaliseLink } from '#root/sources/links.js'
import { FeedParseError, type ParsedFeed } from '#root/sources/parse.js'

export type AddResult =
  | { ok: true, source: Source, items: number, otherFeeds: FeedLink[] }
  | { ok: false, error: SourceError }

export interface AddDependencies {
  sources: SourceRepository
  safeFetch: SafeFetch
  feeds: FeedWorkers
}

const MAX_URL = 2000
/** A source's title is shown in lists and as each article's source. */
const MAX_TITLE = 120

/** The address as an absolute http(s) URL ("outlet.example/news" becomes https://outlet.example/news), or undefined. */
export function sourceAddress(input: string): string | undefined {
  const text = input.trim()
  if (!text || text.length > MAX_URL || /\s/.test(text))
    return undefined
  return normaliseLink(/^[a-z][\w+.-]*:/i.test(text) ? text : `https://${text}`)
}

function duplicate(source: Source): { ok: false, error: SourceError } {
  return { ok: false, error: { code: 'duplicate', args: { id: source.id, title: source.title } } }
}

/** A feed checked and ready to store. */
export interface CheckedFeed {
  url: string
  feedUrl: string
  kind: ParsedFeed['kind']
  title: string
  siteUrl?: string
  items: number
  otherFeeds: FeedLink[]
}

/** Fetches and reads what `input` points to; nothing is stored. */
export async function checkSource({ sources, safeFetch, feeds }: AddDependencies, input: string): Promise<{ ok: true, feed: CheckedFeed } | { ok: false, error: SourceError }> {
  const url = sourceAddress(input)
  if (!url)
    return { ok: false, error: { code: 'invalid-url', args: {} } }
  const known = await sources.findByFeedUrl(url)
  if (known)
    return duplicate(known)
  try {
    const fetch = async (address: string) => {
      const response = await fetchFeed(safeFetch, address)
      // without validators the answer is never 304
      if (response.status !== 200)
        throw new SafeFetchError('http-status', { status: response.status, statusLine: String(response.status) })
      return { response, document: await feeds.read(response) }
    }
    let { response, document } = await fetch(url)
    let otherFeeds: FeedLink[] = []
    let siteName: string | undefined
    if (document.kind === 'page') {
      const [first, ...rest] = document.feeds
      if (!first)
        return { ok: false, error: { code: 'no-feed-link', args: {} } }
      siteName = document.siteName
      otherFeeds = rest
      ;({ response, document } = await fetch(first.url))
    }
    if (document.kind !== 'feed')
      throw new FeedParseError('not-a-feed', 'the advertised feed is a web page')
    const { feed } = document
    const feedUrl = normaliseLink(response.url) ?? response.url
    const title = clip(feed.title ?? siteName ?? new URL(feed.siteUrl ?? feedUrl).hostname.replace(/^www\./, ''), MAX_TITLE)
    return { ok: true, feed: { url, feedUrl, kind: feed.kind, title, siteUrl: feed.siteUrl, items: feed.items.length, otherFeeds } }
  }
  catch (error) {
    if (!isFeedError(error))
      throw error
    return { ok: false, error: sourceError(error) }
  }
}

/** Stores a checked feed; refused when a live source already follows it. */
export async function storeSource(sources: SourceRepository, feed: CheckedFeed): Promise<AddResult> {
  const added = await sources.add(feed)
  if ('existing' in added)
    return duplicate(added.existing)
  return { ok: true, source: added.created, items: feed.items, otherFeeds: feed.otherFeeds }
}

export async function addSource(deps: AddDependencies, input: string): Promise<AddResult> {
  const checked = await checkSource(deps, input)
  return checked.ok ? storeSource(deps.sources, checked.feed) : checked
}
