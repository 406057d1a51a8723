// Publication dates stated on the page, in English or Russian (chrono-node).
// Only complete calendar dates count (day, month and a written year); relative
// phrases ("3 hours ago", "в воскресенье") and partial ones ("September 6") do not.
import * as chrono from 'chrono-node'
import { dateCueLength, isCaption } from '#root/news/cues.js'
import type { PageLayout } from '#root/news/layout.js'
import type { Language } from '#root/news/types.js'

const PARSERS = { en: chrono.en.GB, ru: chrono.ru }
const YEAR = /\b(?:19|20)\d{2}\b/
/** a date line is short; a longer line with a date in it is prose */
const MAX_DATE_LINE = 120
/** how far into a paragraph a dateline's date may start ("Prague, 29 December 2005 (RFE/RL) --") */
const DATELINE_SPAN = 80
// "Среда, 2 декабря 2026", "Wednesday, 2 December 2026": the site's today, printed in its masthead
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)(?![\p{L}\p{N}])/iu

interface Found { date: Date, index: number, length: number }

function parse(text: string, language: Language, now: Date): Found | undefined {
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
    if (date.getTime() <= now.getTime() + 86_400_000) {
      const lead = result.text.length - result.text.trimStart().length
      return { date, index: result.index + lead, length: result.text.trim().length }
    }
  }
  return undefined
}

// A page's date and chrome lines are read by several steps, and a site repeats
// them on every page: short lines' results are memoised, as stems are.
const memo = new Map<string, Found | null>()
const MEMO_MAX = 2000
const MEMO_LINE = 200

/** The first complete date in `text`, read in the page's language and then in the other (an English page may print "22 февраля 2022"). */
function findDate(text: string, language: Language, now: Date): Found | undefined {
  if (!YEAR.test(text))
    return undefined
  const key = text.length <= MEMO_LINE ? `${language}${Math.floor(now.getTime() / 86_400_000)}|${text}` : undefined
  const known = key === undefined ? undefined : memo.get(key)
  if (known !== undefined)
    return known ?? undefined
  const found = parse(text, language, now) ?? parse(text, language === 'en' ? 'ru' : 'en', now)
  if (key !== undefined) {
    if (memo.size >= MEMO_MAX)
      memo.clear()
    memo.set(key, found ?? null)
  }
  return found
}

/** The first complete date in `text`, as UTC midnight of that calendar day. */
export function findExplicitDate(text: string, language: Language, now = new Date()): Date | undefined {
  return findDate(text, language, now)?.date
}

/** A short line that states a complete date (and is not a photo caption). */
export function isDateLine(line: string, language: Language, now = new Date()): boolean {
  return line.length <= MAX_DATE_LINE && !isCaption(line) && findDate(line, language, now) !== undefined
}

function dateLine(line: string | undefined, language: Language, now: Date): Date | undefined {
  return line !== undefined && line.length <= MAX_DATE_LINE && !isCaption(line) ? findDate(line, language, now)?.date : undefined
}

/** "Published: 05.02.2025 16:49", "Опубликовано 13 марта 2025 в 11:35": the cue, then the date at once. */
function cuedDate(line: string, language: Language, now: Date): Date | undefined {
  const cue = line.length <= MAX_DATE_LINE ? dateCueLength(line) : 0
  const found = cue > 0 ? findDate(line, language, now) : undefined
  return found && found.index <= cue + 2 ? found.date : undefined
}

/** A dateline opening a paragraph: "Душанбе, 19.05.2014. (НИАТ «Ховар»). —", "Prague, 29 December 2005 (RFE/RL) --". */
function datelineDate(paragraph: string, language: Language, now: Date): Date | undefined {
  const start = paragraph.slice(0, DATELINE_SPAN)
  const found = findDate(start, language, now)
  if (!found)
    return undefined
  const before = start.slice(0, found.index).trim()
  const after = paragraph.slice(found.index + found.length)
  // only a place may come before ("Prague,"), and a separator after, not the sentence going on
  const place = before === '' || (/[,.]$/u.test(before) && before.split(/\s+/u).length <= 4 && /^\p{Lu}/u.test(before))
  const separated = /^[.,]?\s*(?:[([/|—–-]|\p{Lu})/u.test(after)
  return place && separated ? found.date : undefined
}

/**
 * The article's own date, looked for where pages print it, in this order:
 * 1. a date line between the headline and the text;
 * 2. a line anywhere outside the text that introduces it ("Published: ...",
 *    "Опубликовано ..."), at the foot too;
 * 3. the line just above the headline, unless it is the masthead's today
 *    ("Среда, 2 декабря 2026"); on a page without a headline, the lines just
 *    above the text;
 * 4. a dateline opening one of the first two paragraphs.
 * Other dates (sidebars, comments, captions, events in the text) are never taken.
 */
export function findPublicationDate(page: PageLayout, language: Language, now = new Date()): Date | undefined {
  const { lines, titleIndex, bodyStart, bodyLines } = page
  const outside = (i: number) => !bodyLines.has(i)
  if (titleIndex >= 0) {
    for (let i = titleIndex + 1; i < bodyStart; i++) {
      const date = outside(i) ? dateLine(lines[i], language, now) : undefined
      if (date)
        return date
    }
  }
  for (const [i, line] of lines.entries()) {
    const date = outside(i) ? cuedDate(line, language, now) : undefined
    if (date)
      return date
  }
  const above = titleIndex >= 0 ? [titleIndex - 1] : [bodyStart - 1, bodyStart - 2, bodyStart - 3]
  for (const i of above) {
    const line = lines[i]
    if (i >= 0 && line !== undefined && !WEEKDAY.test(line)) {
      const date = dateLine(line, language, now)
      if (date)
        return date
    }
  }
  for (const paragraph of page.paragraphs.slice(0, 2)) {
    const date = datelineDate(paragraph, language, now)
    if (date)
      return date
  }
  return undefined
}
