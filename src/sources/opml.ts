// OPML 2.0, the feed readers' exchange format: our sources out (with titles and
// site links), someone's subscription list in (nested folders flattened).
import { generateOpml, parseOpml } from 'feedsmith'

export interface OpmlFeed {
  url: string
  title?: string
}

export interface OpmlSource {
  title: string
  feedUrl: string
  siteUrl: string | null
}

export function sourcesToOpml(sources: OpmlSource[], now = new Date()): string {
  return generateOpml({
    head: { title: 'news-digest-bot sources', dateCreated: now },
    body: {
      outlines: sources.map(s => ({ text: s.title, title: s.title, type: 'rss', xmlUrl: s.feedUrl, ...(s.siteUrl ? { htmlUrl: s.siteUrl } : {}) })),
    },
  })
}

export class OpmlError extends Error {
  override name = 'OpmlError'
}

/** The feeds an OPML document lists (outlines with an xmlUrl, at any depth), in order; `other` counts outlines without one that are not folders. */
export function opmlFeeds(text: string): { feeds: OpmlFeed[], other: string[] } {
  let document: ReturnType<typeof parseOpml<string>>
  try {
    document = parseOpml<string>(text)
  }
  catch (error) {
    throw new OpmlError(`not an OPML document (${(error as Error).message})`)
  }
  const feeds: OpmlFeed[] = []
  const other: string[] = []
  type Outline = NonNullable<NonNullable<typeof document.body>['outlines']>[number]
  const walk = (outlines: Outline[] | undefined) => {
    for (const outline of outlines ?? []) {
      if (outline.xmlUrl?.trim())
        feeds.push({ url: outline.xmlUrl.trim(), title: (outline.title ?? outline.text)?.trim() || undefined })
      else if (!outline.outlines?.length)
        other.push(outline.text || outline.title || '(untitled)')
      walk(outline.outlines)
    }
  }
  walk(document.body?.outlines)
  return { feeds, other }
}
