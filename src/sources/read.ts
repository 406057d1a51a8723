// A fetched document read: decoded, then a feed parsed, or a page's advertised
// feeds found. Pure and CPU-bound on hostile input: feed workers run it off the
// event loop.
import { discoverFeeds, type FeedLink } from '#root/sources/discover.js'
import { decodeFeed } from '#root/sources/decode.js'
import { FeedParseError, parseFeedDocument, type ParsedFeed } from '#root/sources/parse.js'
import { plainLine } from '#root/sources/html-text.js'
import { parseHTML } from 'linkedom'

export interface FetchedDocument {
  url: string
  body: Uint8Array
  charset: string | undefined
  mediaType: string
}

export type ReadDocument =
  | { kind: 'feed', feed: ParsedFeed }
  | { kind: 'page', feeds: FeedLink[], siteName?: string }

const HTML_TYPES = ['text/html', 'application/xhtml+xml']

export function looksLikeFeed(text: string): boolean {
  return /^\s*(?:<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])/i.test(text.replace(/^\uFEFF/, ''))
}

function siteNameOf(html: string): string | undefined {
  const { document } = parseHTML(html)
  const name = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? document.querySelector('title')?.textContent
  return name === undefined || name === null ? undefined : plainLine(name)
}

/** A web page (HTML that is not a feed served as HTML) gives its advertised feeds; anything else is parsed as a feed. */
export function readDocument(document: FetchedDocument): ReadDocument {
  const text = decodeFeed(document.body, document.charset)
  if (HTML_TYPES.includes(document.mediaType) && !looksLikeFeed(text))
    return { kind: 'page', feeds: discoverFeeds(text, document.url), siteName: siteNameOf(text) }
  return { kind: 'feed', feed: parseFeedDocument(text, document.url) }
}

export { FeedParseError }
