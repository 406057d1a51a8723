// Adding a source: the admin's URL is a feed, or a page that advertises one
// (then its first advertised feed is taken). The feed is fetched and read at
// once, so a bad address is refused with its reason before anything is stored.
import { parseHTML } from 'linkedom'
import type { Source, SourceRepository } from '#root/db/repositories/source-repository.js'
import { clip } from '#root/news/text.js'
import { discoverFeeds, type FeedLink } from '#root/sources/discover.js'
import { isFeedError, type SourceError, sourceError } from '#root/sources/errors.js'
import { fetchFeed, readDocument } from '#root/sources/feed-fetch.js'
import type { SafeFetch } from '#root/net/safe-fetch.js'
import { plainLine } from '#root/sources/html-text.js'
import { normaliseLink } from '#root/sources/links.js'
import { type ParsedFeed, parseFeedDocument } from '#root/sources/parse.js'

export type AddResult =
  | { ok: true, source: Source, items: number, otherFeeds: FeedLink[] }
  | { ok: false, error: SourceError }

export interface AddDependencies {
  sources: SourceRepository
  safeFetch: SafeFetch
}

const MAX_URL = 2000
/** A source's title is shown in lists and as each article's source. */
const MAX_TITLE = 120

function pageSiteName(html: string): string | undefined {
  const { document } = parseHTML(html)
  const name = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? document.querySelector('title')?.textContent
  return name === undefined || name === null ? undefined : plainLine(name)
}

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
export async function checkSource({ sources, safeFetch }: AddDependencies, input: string): Promise<{ ok: true, feed: CheckedFeed } | { ok: false, error: SourceError }> {
  const url = sourceAddress(input)
  if (!url)
    return { ok: false, error: { code: 'invalid-url', args: {} } }
  const known = await sources.findByFeedUrl(url)
  if (known)
    return duplicate(known)
  try {
    let response = await fetchFeed(safeFetch, url)
    let otherFeeds: FeedLink[] = []
    let siteName: string | undefined
    // without validators the answer is never 304
    if (response.status !== 200)
      return { ok: false, error: { code: 'http-status', args: { status: response.status, statusLine: String(response.status) }, fetch: true } }
    let document = readDocument(response)
    if (document.html) {
      const [first, ...rest] = discoverFeeds(document.text, response.url)
      if (!first)
        return { ok: false, error: { code: 'no-feed-link', args: {} } }
      siteName = pageSiteName(document.text)
      otherFeeds = rest
      response = await fetchFeed(safeFetch, first.url)
      if (response.status !== 200)
        return { ok: false, error: { code: 'http-status', args: { status: response.status, statusLine: String(response.status) }, fetch: true } }
      document = readDocument(response)
    }
    const feed = parseFeedDocument(document.text, response.url)
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
