// Title and publisher from the lines above the body.
import { clip, splitSentences, tokens } from '#root/news/text.js'
import { findExplicitDate } from '#root/news/dates.js'
import type { Language } from '#root/news/types.js'

export const MAX_TITLE = 100

const NOT_A_TITLE = /^(?:top of page|social media|menu|home|search|главная|меню|поиск)$/iu

/**
 * The page's headline: among the header lines (before the body) that read like a
 * headline, the one sharing most words with the lead, ties going to the nearer one.
 */
export function findTitle(header: string[], lead: string, language: Language): string | undefined {
  const leadWords = new Set(tokens(lead))
  let best: { line: string, score: number } | undefined
  header.forEach((line, i) => {
    const words = tokens(line)
    if (words.length < 4 || line.length > 200 || NOT_A_TITLE.test(line) || findExplicitDate(line, language) !== undefined)
      return
    const overlap = words.filter(w => leadWords.has(w) && w.length > 3).length
    const score = overlap + i / 100
    if (!best || score > best.score)
      best = { line, score }
  })
  return best?.line
}

/** A headline made from the lead: its first sentence, at most 100 characters, cut at a word boundary. */
export function headlineFromLead(lead: string): string {
  const sentence = splitSentences(lead)[0] ?? lead
  const trimmed = sentence.replace(/[.!]$/u, '')
  return clip(trimmed, MAX_TITLE)
}

/** A short capitalised line just after the headline (or its date) that names the publisher, e.g. "Zan News". */
export function findSource(header: string[], title: string | undefined, language: Language): string | undefined {
  // without a headline there is nothing to anchor on: navigation words look the same
  if (title === undefined)
    return undefined
  const after = header.slice(header.indexOf(title) + 1, header.indexOf(title) + 4)
  return after.find(line => /^\p{Lu}[\p{L}\p{N}.&'’ -]{1,40}$/u.test(line)
    && line.split(' ').length <= 4
    && !NOT_A_TITLE.test(line)
    && findExplicitDate(line, language) === undefined)
}
