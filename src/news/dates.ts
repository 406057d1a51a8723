// Publication dates stated on the page, in English or Russian (chrono-node).
// Only complete calendar dates count (day, month and a written year); relative
// phrases ("3 hours ago", "в воскресенье") and partial ones ("September 6") do not.
import * as chrono from 'chrono-node'
import type { Language } from '#root/news/types.js'

const PARSERS = { en: chrono.en.GB, ru: chrono.ru }
const YEAR = /\b(?:19|20)\d{2}\b/

/** The first complete date in `text`, as UTC midnight of that calendar day. */
export function findExplicitDate(text: string, language: Language, now = new Date()): Date | undefined {
  if (!YEAR.test(text))
    return undefined
  for (const result of PARSERS[language].parse(text, now)) {
    if (!YEAR.test(result.text) || !result.start.isCertain('day') || !result.start.isCertain('month'))
      continue
    const year = result.start.get('year')
    const month = result.start.get('month')
    const day = result.start.get('day')
    if (year === null || month === null || day === null)
      continue
    const date = new Date(Date.UTC(year, month - 1, day))
    // a "date" after tomorrow is not a publication date
    if (date.getTime() <= now.getTime() + 86_400_000)
      return date
  }
  return undefined
}

/**
 * The publication date: a date line near the title (the header lines before the
 * body, nearest the body first) or a dateline opening the first paragraph.
 * Dates further down, in sidebars or lists after the body, are never taken.
 */
export function findPublicationDate(header: string[], lead: string | undefined, language: Language, now = new Date()): Date | undefined {
  for (const line of header.slice(-6).reverse()) {
    if (line.length > 120)
      continue
    const date = findExplicitDate(line, language, now)
    if (date)
      return date
  }
  return lead === undefined ? undefined : findExplicitDate(lead.slice(0, 80), language, now)
}
