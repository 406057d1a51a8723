// HTML pages: the main content by Mozilla's Readability over a linkedom DOM, plus
// the title, date and site name the page declares in its metadata.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { ArticleInput } from '#root/news/types.js'

type Document = ReturnType<typeof parseHTML>['document']

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd'

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

function blockLines(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const element of document.querySelectorAll('figcaption, figure, script, style, noscript, nav, aside, footer, form'))
    element.remove()
  const blocks = [...document.querySelectorAll(BLOCKS)]
    // the innermost blocks only: an <li> holding a <p> is read once
    .filter(e => !e.querySelector(BLOCKS))
    .map(e => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  return blocks.length > 0 ? blocks : (document.body.textContent ?? '').split('\n')
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
  let article: ReturnType<Readability['parse']> = null
  try {
    article = new Readability(document, { charThreshold: 200 }).parse()
  }
  catch {
    // not a whole document (a fragment, or plain text served as HTML): read its blocks as they are
  }
  const lines = article?.content ? blockLines(article.content) : blockLines(document.body?.innerHTML ?? html)
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

/** The text blocks of an HTML fragment (a feed item's description or content), one a line. */
export function htmlLines(html: string): string[] {
  return blockLines(html).map(line => line.trim()).filter(Boolean)
}
