// Headline and standfirst from the lines above the body, or a headline made
// from the lead when the page prints none.
import { isByline, isCaption, isFurniture, isMenu } from '#root/news/cues.js'
import { isDateLine } from '#root/news/dates.js'
import { STOPWORDS } from '#root/news/stopwords.js'
import { clip, splitSentences, withoutDateline, words } from '#root/news/text.js'
import type { Language } from '#root/news/types.js'

export const MAX_TITLE = 100
/** a printed headline is at most this long; longer header lines are prose */
export const MAX_HEADLINE = 200
const MIN_HEADLINE_WORDS = 4
/** a standfirst is a whole line of at least this many words and characters (a caption is shorter) */
const MIN_STANDFIRST_WORDS = 6
const MIN_STANDFIRST_CHARS = 50
/** a clause cut makes a headline only when it keeps at least this much */
const MIN_CLAUSE = 40
/** the headline is compared with this many of the first paragraphs, up to this many characters */
const TITLE_CONTEXT = 3
const TITLE_CONTEXT_CHARS = 2000

const NAVIGATION = /^(?:top of page|social media|menu|home|search|sections|главная|меню|поиск|рубрики)(?![\p{L}\p{N}])/iu
// "Currency rates:", "Related news": labels, not headlines
const LABEL = /:$/u

/** A word's first five letters stand in for its stem ("detained" ~ "detain", "Киргизии" ~ "Киргизия"): cheap, and enough to tell which line the text goes on from. */
const HEAD = 5

function contentHeads(text: string): Set<string> {
  const heads = new Set<string>()
  for (const word of words(text)) {
    const lower = word.toLowerCase()
    if (lower.length > 2 && !STOPWORDS.any.has(lower) && !(lower[0]! >= '0' && lower[0]! <= '9'))
      heads.add(lower.slice(0, HEAD))
  }
  return heads
}

/** A header line that could be a headline: not furniture, a caption, a byline, a menu, a date or a label. */
function couldBeHeadline(line: string, language: Language, now: Date): boolean {
  return line.length <= MAX_HEADLINE && words(line).length >= MIN_HEADLINE_WORDS && !NAVIGATION.test(line) && !LABEL.test(line)
    && !isFurniture(line) && !isCaption(line) && !isByline(line) && !isMenu(line) && !isDateLine(line, language, now)
}

/**
 * The page's headline: among the header lines (before the body) that could be
 * one, the one sharing most content words with the first paragraphs, ties going
 * to the nearer one. A line sharing none is not the headline (a tagline, a
 * sidebar) unless no line shares any and it stands just above the text (past
 * date lines, bylines and captions). When the line just above the best one could be a headline too and
 * shares words with the text, that one is the headline and the best one its
 * standfirst ("Глава Киргизии высказался..." / "Президент Киргизии Жапаров: ...").
 */
export function findTitle(header: string[], paragraphs: string[], language: Language, now = new Date()): number {
  const context = contentHeads(paragraphs.slice(0, TITLE_CONTEXT).join(' ').slice(0, TITLE_CONTEXT_CHARS))
  const score = (line: string) => {
    let shared = 0
    for (const s of contentHeads(line)) {
      if (context.has(s))
        shared++
    }
    return shared
  }
  // the cheap test first: most header lines share no word with the text
  const scores = header.map((line) => {
    const shared = line.length <= MAX_HEADLINE ? score(line) : 0
    return shared > 0 && couldBeHeadline(line, language, now) ? shared : 0
  })
  let best = -1
  scores.forEach((s, i) => {
    if (s > 0 && (best === -1 || s >= scores[best]!))
      best = i
  })
  // none shares a word with the text (a short post): the headline-like line just above it, if any
  if (best === -1) {
    let above = header.length - 1
    while (above >= 0 && isByTheHeadline(header[above]!, language, now))
      above--
    return above >= 0 && couldBeHeadline(header[above]!, language, now) && !/[.!?]$/u.test(header[above]!) ? above : -1
  }
  // the nearest line above, past bylines, date lines and captions
  let above = best - 1
  while (above >= 0 && isByTheHeadline(header[above]!, language, now))
    above--
  return above >= 0 && scores[above]! > 0 ? above : best
}

/** Lines that may sit between a headline and its standfirst or text: a byline, a date line, a caption, furniture. */
function isByTheHeadline(line: string, language: Language, now: Date): boolean {
  return isByline(line) || isCaption(line) || isFurniture(line) || isDateLine(line, language, now)
}

/**
 * A one-sentence standfirst printed under the headline: the first line after it
 * (past a repeat of the headline, date lines, bylines and captions) when it reads
 * as a sentence of its own; it belongs to the body.
 */
export function findStandfirst(lines: string[], titleIndex: number, bodyStart: number, language: Language, now = new Date()): number {
  if (titleIndex < 0)
    return -1
  const title = lines[titleIndex]
  for (let i = titleIndex + 1; i < bodyStart; i++) {
    const line = lines[i]!
    if (line === title || isByTheHeadline(line, language, now))
      continue
    const standfirst = line.length >= MIN_STANDFIRST_CHARS && line.length <= MAX_HEADLINE * 2 && words(line).length >= MIN_STANDFIRST_WORDS && !isMenu(line)
    return standfirst ? i : -1
  }
  return -1
}

const CLAUSE_BREAK = /[,;:]\s|\s[—–-]\s/gu

/**
 * A headline made from the lead (past its dateline): its first sentence when that fits in 100
 * characters; else the sentence cut at the last clause break that fits, else at a
 * word boundary (with an ellipsis). Never cut inside a word.
 */
export function headlineFromLead(lead: string): string {
  const text = withoutDateline(lead)
  const sentence = (splitSentences(text)[0] ?? text).replace(/[.!]$/u, '')
  if (sentence.length <= MAX_TITLE)
    return sentence
  let cut = -1
  for (const match of sentence.slice(0, MAX_TITLE + 1).matchAll(CLAUSE_BREAK)) {
    if (match.index >= MIN_CLAUSE)
      cut = match.index
  }
  const clause = cut === -1 ? undefined : sentence.slice(0, cut).trim()
  if (clause && balanced(clause))
    return clause
  return clip(sentence, MAX_TITLE)
}

function balanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0
  return count(/«/gu) === count(/»/gu) && count(/\(/gu) === count(/\)/gu) && count(/"/gu) % 2 === 0 && count(/“/gu) === count(/”/gu)
}
