// HTML pages: the main content by Mozilla's Readability over a linkedom DOM, plus
// the title, date and site name the page declares in its metadata. CPU-heavy:
// runs in a worker thread (src/news/page-workers.ts) with a time budget.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { ArticleInput } from '#root/news/types.js'

type Document = ReturnType<typeof parseHTML>['document']

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd'

/**
 * Elements nested deeper than this below <body> are flattened into paragraphs of
 * their text. Readability's cost grows faster than the square of the depth (2,000
 * nested divs kept it busy for a minute); real pages stay well under 64.
 */
export const MAX_DEPTH = 64
/** Above this many elements Readability is skipped (on linkedom it needs ~1 s per 10,000) and the blocks are read as they are. */
export const MAX_READABILITY_ELEMENTS = 5_000

function meta(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)?.getAttribute('content')?.trim()
    if (value)
      return value
  }
  return undefined
}

/** The calendar date an ISO-like timestamp states ("2024-09-07T10:00+05:00" -> 2024-09-07). */
export function calendarDate(value: string | undefined | null): Date | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null
  if (!match)
    return undefined
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Replaces what lies deeper than MAX_DEPTH with one paragraph per line of its text (iterative: depth is what is hostile). */
function flattenDeepNesting(document: Document, root: Element): void {
  const stack: Array<[Element, number]> = [[root, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [element, depth] = next
    if (depth < MAX_DEPTH) {
      for (let child = element.firstElementChild; child; child = child.nextElementSibling)
        stack.push([child, depth + 1])
      continue
    }
    if (!element.firstElementChild)
      continue
    for (const hidden of element.querySelectorAll('script, style, noscript, template'))
      hidden.remove()
    // linkedom gives every element innerText: text with a line break at each block
    const lines = (element as HTMLElement).innerText.split('\n').map(line => line.trim()).filter(Boolean)
    element.replaceChildren(...lines.map((line) => {
      const paragraph = document.createElement('p')
      paragraph.textContent = line
      return paragraph
    }))
  }
}

function blockLines(root: Element): string[] {
  for (const element of root.querySelectorAll('figcaption, figure, script, style, noscript, nav, aside, footer, form'))
    element.remove()
  const blocks = [...root.querySelectorAll(BLOCKS)]
    // the innermost blocks only: an <li> holding a <p> is read once
    .filter(e => !e.querySelector(BLOCKS))
    .map(e => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  return blocks.length > 0 ? blocks : (root.textContent ?? '').split('\n')
}

function fragmentLines(html: string): string[] {
  return blockLines(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body)
}

function hostName(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined
  }
  catch {
    return undefined
  }
}

export function fromHtml(html: string, url?: string): ArticleInput {
  // linkedom needs a whole document; fragments get one around them
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`)
  const declaredTitle = meta(document, 'og:title', 'twitter:title')
  const siteName = meta(document, 'og:site_name', 'application-name')
  const declaredDate = meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued')
    ?? document.querySelector('time[datetime]')?.getAttribute('datetime')
  if (document.body)
    flattenDeepNesting(document, document.body)
  let article: ReturnType<Readability['parse']> = null
  // (Readability's own maxElemsToParse counts getElementsByTagName('*'), which linkedom answers with nothing)
  if (document.querySelectorAll('*').length <= MAX_READABILITY_ELEMENTS) {
    try {
      article = new Readability(document, { charThreshold: 200 }).parse()
    }
    catch {
      // not a whole document (a fragment, or plain text served as HTML): read its blocks as they are
    }
  }
  const lines = article?.content ? fragmentLines(article.content) : document.body ? blockLines(document.body) : fragmentLines(html)
  const title = declaredTitle ?? article?.title ?? document.querySelector('title')?.textContent ?? undefined
  return {
    text: lines.join('\n'),
    url,
    title: title?.replace(/\s+/g, ' ').trim() || undefined,
    sourceName: siteName ?? article?.siteName ?? hostName(url),
    publishedAt: calendarDate(declaredDate) ?? calendarDate(article?.publishedTime),
  }
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text)
}
