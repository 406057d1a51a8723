// Feed text is HTML (descriptions, content:encoded, Atom html/xhtml content) or
// plain text with entities; the pipeline takes lines of text. Feeds are hostile:
// control characters (NUL above all: PostgreSQL refuses it in text) go, and an
// item's markup is read up to a length no news article needs.
import { htmlLines } from '#root/news/inputs/html.js'

const MARKUP = /[<&]/
// C0 controls but tab and line breaks, and DEL
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
/** Characters of an item's HTML that are read; past it, a feed is padding or hostile. */
export const MAX_ITEM_HTML = 200_000

export function withoutControls(text: string): string {
  return text.replace(CONTROL, ' ')
}

/** One paragraph a line, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  const clean = withoutControls(html.length > MAX_ITEM_HTML ? html.slice(0, MAX_ITEM_HTML) : html)
  return MARKUP.test(clean) ? htmlLines(clean).join('\n') : clean.trim()
}

/** A line of plain text: controls gone, whitespace collapsed. */
export function plainLine(text: string): string | undefined {
  return withoutControls(text).replace(/\s+/g, ' ').trim() || undefined
}

/** A title written as markup: tags dropped, entities decoded, whitespace collapsed. */
export function plainTitle(title: string | undefined): string | undefined {
  return title === undefined ? undefined : plainLine(htmlToText(title))
}
