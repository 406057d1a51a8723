// Fetching a feed (or a page advertising one) through the safe fetch, with the
// validators of the previous answer: a 304 costs nothing more.
import type { SafeFetch } from '#root/net/safe-fetch.js'
import type { FetchedDocument } from '#root/sources/read.js'

export interface FeedLimits {
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

export const FEED_LIMITS: FeedLimits = { timeoutMs: 15_000, maxBytes: 4_000_000, maxRedirects: 5 }

/** What feeds are served as in the wild (XML as text/plain or octet-stream included); pages for discovery. */
const ACCEPTED = [
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/json',
  'application/xml', 'text/xml', 'text/plain', 'application/octet-stream', 'application/x-rss+xml', 'text/html', 'application/xhtml+xml',
]
const ACCEPT_HEADER = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1'

export interface Validators {
  etag?: string | null
  lastModified?: string | null
}

/** A 200 keeps its bytes: they are decoded and read in a feed worker when the document's turn comes. */
export type FeedResponse =
  | { status: 304 }
  | ({ status: 200, etag: string | null, lastModified: string | null } & FetchedDocument)

/** Fetches `url`, conditionally when validators are given. Failures are SafeFetchErrors. */
export async function fetchFeed(safeFetch: SafeFetch, url: string, validators: Validators = {}, limits: FeedLimits = FEED_LIMITS): Promise<FeedResponse> {
  // fetch asks for gzip, deflate and br and decodes them itself
  const headers: Record<string, string> = { accept: ACCEPT_HEADER }
  if (validators.etag)
    headers['if-none-match'] = validators.etag
  if (validators.lastModified)
    headers['if-modified-since'] = validators.lastModified
  const response = await safeFetch(url, { ...limits, accept: ACCEPTED, headers })
  if (response.status === 304)
    return { status: 304 }
  return {
    status: 200,
    url: response.url,
    body: response.body,
    charset: response.charset,
    mediaType: response.mediaType,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  }
}
