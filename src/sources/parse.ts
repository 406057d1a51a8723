// A feed document (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed; parsed by feedsmith)
// to what the poller needs of it: its title and site, and per item a guid, an
// absolute link, a plain-text title and text, and a date.
import { createHash } from 'node:crypto'
import { type AnyFeed, type AtomFeed, DetectError, MalformedError, parseFeed } from 'feedsmith'
import { htmlToText, plainLine, plainTitle, withoutControls } from '#root/sources/html-text.js'
import { normaliseLink } from '#root/sources/links.js'

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json'

export interface FeedItem {
  /** the item's guid (id), else its link, else a hash of its title and text */
  guid: string
  link?: string
  title?: string
  /** plain text, one paragraph a line */
  text: string
  publishedAt?: Date
}

export interface ParsedFeed {
  kind: FeedKind
  title?: string
  siteUrl?: string
  items: FeedItem[]
}

/** Not a feed we can read: `malformed` XML, `not-a-feed` (no feed format recognised), `too-complex` to read in time. */
export class FeedParseError extends Error {
  override name = 'FeedParseError'
  constructor(readonly code: 'malformed' | 'not-a-feed' | 'too-complex', message: string) {
    super(message)
  }
}

/** More items than any news feed lists; the rest of a longer document is not read. */
export const MAX_FEED_ITEMS = 500
/** Longer guids are stored as their hash (they are a primary key). */
const MAX_GUID = 500

function dateOf(...values: Array<string | undefined>): Date | undefined {
  for (const value of values) {
    const date = value ? new Date(value.trim()) : undefined
    if (date && !Number.isNaN(date.getTime()))
      return date
  }
  return undefined
}

function guidOf(id: string | undefined, link: string | undefined, title: string | undefined, text: string): string {
  const guid = (id && plainLine(id)) || link || `sha256:${createHash('sha256').update(`${title ?? ''}\n${text}`).digest('hex')}`
  return guid.length > MAX_GUID ? `sha256:${createHash('sha256').update(guid).digest('hex')}` : guid
}

function item(fields: { id?: string, link?: string, base: string, title?: string, html?: string, date?: Date, plain?: boolean }): FeedItem {
  const link = normaliseLink(fields.link, fields.base)
  const text = fields.html ? (fields.plain ? withoutControls(fields.html).trim() : htmlToText(fields.html)) : ''
  return { guid: guidOf(fields.id, link, fields.title, text), link, title: fields.title, text, publishedAt: fields.date }
}

/** An Atom text construct: type "text" is literal; html and xhtml are markup. */
function atomText(text: AtomFeed.Text | AtomFeed.Content | undefined): string | undefined {
  if (!text?.value)
    return undefined
  return text.type === 'html' || text.type === 'xhtml' ? plainTitle(text.value) : plainLine(text.value)
}

function atomLink(links: Array<{ href?: string, rel?: string }> | undefined): string | undefined {
  return links?.find(l => l.href && (l.rel === undefined || l.rel === 'alternate'))?.href
}

/** The longer of two texts: a feed's content when it has one, else its description. */
function fuller(...texts: Array<string | undefined>): string | undefined {
  return texts.filter((t): t is string => Boolean(t?.trim())).sort((a, b) => b.length - a.length)[0]
}

/** Parses a decoded feed document fetched from `feedUrl` (relative links resolve against it). */
export function parseFeedDocument(text: string, feedUrl: string): ParsedFeed {
  let parsed: AnyFeed<string>
  try {
    parsed = parseFeed<string>(text, { maxItems: MAX_FEED_ITEMS })
  }
  catch (error) {
    if (error instanceof MalformedError)
      throw new FeedParseError('malformed', `malformed XML (${error.message})`)
    if (error instanceof DetectError)
      throw new FeedParseError('not-a-feed', 'not an RSS, Atom or JSON feed')
    throw new FeedParseError('malformed', `unreadable feed (${(error as Error).message})`)
  }
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed
      return {
        kind: 'rss',
        title: plainTitle(feed.title),
        siteUrl: normaliseLink(feed.link, feedUrl),
        items: (feed.items ?? []).map(i => item({
          id: i.guid?.value,
          link: i.link ?? (i.guid?.isPermaLink !== false ? i.guid?.value : undefined),
          base: feedUrl,
          title: plainTitle(i.title),
          html: fuller(i.content?.encoded, i.description),
          date: dateOf(i.pubDate, i.dc?.dates?.[0]),
        })),
      }
    }
    case 'atom': {
      const { feed } = parsed
      const feedBase = normaliseLink(feed.xml?.base, feedUrl) ?? feedUrl
      return {
        kind: 'atom',
        title: atomText(feed.title),
        siteUrl: normaliseLink(atomLink(feed.links), feedBase),
        items: (feed.entries ?? []).map((e) => {
          const content = e.content?.src ? undefined : e.content
          const plainContent = content?.value && (content.type === undefined || content.type === 'text')
          const body = fuller(content?.value, e.summary?.value)
          return item({
            id: e.id,
            link: atomLink(e.links),
            base: normaliseLink(e.xml?.base, feedBase) ?? feedBase,
            title: atomText(e.title),
            html: body,
            // a text construct is literal: "<" in it is a character, not a tag
            plain: body === content?.value ? Boolean(plainContent) : (e.summary?.type ?? 'text') === 'text',
            date: dateOf(e.published, e.updated, e.dc?.dates?.[0]),
          })
        }),
      }
    }
    case 'rdf': {
      const { feed } = parsed
      return {
        kind: 'rdf',
        title: plainTitle(feed.title),
        siteUrl: normaliseLink(feed.link, feedUrl),
        items: (feed.items ?? []).map(i => item({
          id: i.rdf?.about,
          link: i.link,
          base: feedUrl,
          title: plainTitle(i.title),
          html: fuller(i.content?.encoded, i.description),
          date: dateOf(i.dc?.dates?.[0]),
        })),
      }
    }
    case 'json': {
      const { feed } = parsed
      return {
        kind: 'json',
        title: plainTitle(feed.title),
        siteUrl: normaliseLink(feed.home_page_url, feedUrl),
        // content_html is markup; content_text and summary are plain text
        items: (feed.items ?? []).map(i => item({
          id: i.id === undefined ? undefined : String(i.id),
          link: i.url ?? i.external_url,
          base: feedUrl,
          title: plainTitle(i.title),
          html: i.content_html?.trim() ? i.content_html : fuller(i.content_text, i.summary),
          plain: !i.content_html?.trim(),
          date: dateOf(i.date_published, i.date_modified),
        })),
      }
    }
  }
}
