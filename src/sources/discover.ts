// Feed autodiscovery: the feeds a web page advertises in its head with
// <link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href="...">.
import { parseHTML } from 'linkedom'

export const FEED_LINK_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml']

export interface FeedLink {
  url: string
  type: string
  title?: string
}

/** The advertised feeds, in the page's order, absolute (against <base href> or `pageUrl`), each once. */
export function discoverFeeds(html: string, pageUrl: string): FeedLink[] {
  const { document } = parseHTML(html)
  let base = pageUrl
  try {
    const declared = document.querySelector('base[href]')?.getAttribute('href')
    if (declared)
      base = new URL(declared, pageUrl).href
  }
  catch {
    // an unusable <base> is ignored
  }
  const feeds: FeedLink[] = []
  for (const link of document.querySelectorAll('link[rel][href][type]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim()
    if (!rel.includes('alternate') || !FEED_LINK_TYPES.includes(type))
      continue
    let url: URL
    try {
      url = new URL(link.getAttribute('href')!.trim(), base)
    }
    catch {
      continue
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !feeds.some(f => f.url === url.href))
      feeds.push({ url: url.href, type, title: link.getAttribute('title')?.trim() || undefined })
  }
  return feeds
}
