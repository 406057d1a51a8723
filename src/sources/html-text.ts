// Feed text is HTML (descriptions, content:encoded, Atom html/xhtml content) or
// plain text with entities; the pipeline takes lines of text.
import { htmlLines } from '#root/news/inputs/html.js'

const MARKUP = /[<&]/

/** One paragraph a line, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return MARKUP.test(html) ? htmlLines(html).join('\n') : html.trim()
}

/** A title: tags dropped, entities decoded, whitespace collapsed. */
export function plainTitle(title: string | undefined): string | undefined {
  const text = title === undefined ? '' : htmlToText(title).replace(/\s+/g, ' ').trim()
  return text || undefined
}
