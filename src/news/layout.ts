// Where the parts of a scraped page are: the headline line, a standfirst under
// it, the body's lines. Dates and the publisher are then looked for around them.
import type { CleanedPage } from '#root/news/clean.js'
import { findStandfirst, findTitle } from '#root/news/metadata.js'
import type { Language } from '#root/news/types.js'

export interface PageLayout {
  lines: string[]
  /** the headline's line, or -1 when the page prints none */
  titleIndex: number
  /** the first line of the body the cleaner found (a standfirst may come before it) */
  bodyStart: number
  /** one past the body's last line */
  bodyEnd: number
  /** every line that is body, the standfirst included */
  bodyLines: ReadonlySet<number>
  /** the body, standfirst first */
  paragraphs: string[]
}

export function readLayout(lines: string[], cleaned: CleanedPage, language: Language, now = new Date()): PageLayout {
  const { bodyStart, bodyEnd } = cleaned
  const titleIndex = bodyStart === -1 ? -1 : findTitle(cleaned.header, cleaned.paragraphs, language, now)
  const standfirst = findStandfirst(lines, titleIndex, bodyStart, language, now)
  const bodyLines = new Set(cleaned.blocks.filter(b => b.cls === 'good' && !b.heading).map(b => b.index))
  if (standfirst !== -1)
    bodyLines.add(standfirst)
  return {
    lines,
    titleIndex,
    bodyStart,
    bodyEnd,
    bodyLines,
    paragraphs: standfirst === -1 ? cleaned.paragraphs : [lines[standfirst]!, ...cleaned.paragraphs],
  }
}
