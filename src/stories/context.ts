// What grouping knows beforehand: the names everyone writes about, taken from the
// topic list (countries, capitals and nationalities are places; leaders and big
// cities among the keywords are well known). Matching on them alone merges
// unrelated events, so they weigh little and are not looked up.
import type { TopicTerms } from '#root/news/topics.js'
import { words } from '#root/news/text.js'
import { isRoundNumber, type StoryFeatures } from '#root/stories/features.js'
import type { MatchContext } from '#root/stories/match.js'
import { nameKeys } from '#root/stories/names.js'

const DAY_MS = 86_400_000

function keysOf(phrases: string[]): Set<string> {
  const keys = new Set<string>()
  for (const phrase of phrases) {
    for (const word of words(phrase)) {
      for (const part of word.split('-'))
        nameKeys(part).forEach(key => keys.add(key))
    }
  }
  return keys
}

export function createStoryContext(topics: TopicTerms[]): Pick<MatchContext, 'places' | 'known'> {
  const places = keysOf(topics.flatMap(t => [t.nameEn, t.nameRu, ...t.aliasesEn, ...t.aliasesRu]))
  // keywords are mostly common nouns; only the capitalised ones are names
  const known = keysOf(topics.flatMap(t => [...t.keywordsEn, ...t.keywordsRu]).filter(k => /^\p{Lu}/u.test(k)))
  for (const place of places)
    known.delete(place)
  return { places, known }
}

/** How many names and numbers an article is looked up by: its most telling ones. */
const LOOKUP_NAMES = 12
const LOOKUP_NUMBERS = 4

/**
 * The keys under which an article is found by later reports (GIN index): what
 * tells its event from others, its most specific names (longer keys say more
 * than three-letter ones) and numbers ("#1437"); not the places, well-known
 * names, acronyms, round or small numbers and dates that half a week's reports
 * share (they weigh little, and no report joins on them alone).
 */
export function storyKeys(features: StoryFeatures, context: Pick<MatchContext, 'places' | 'known'>): string[] {
  const names = new Set<string>()
  for (const name of features.names) {
    for (const key of name.split(' ')) {
      if (!context.places.has(key) && !context.known.has(key) && !key.startsWith('@'))
        names.add(key)
    }
  }
  const specific = [...names].sort((a, b) => b.length - a.length).slice(0, LOOKUP_NAMES)
  const numbers = features.numbers.filter(n => !isRoundNumber(n) && (n.includes('.') || n.startsWith('0') || Number(n) >= 100)).slice(0, LOOKUP_NUMBERS)
  return [...specific, ...numbers.map(n => `#${n}`)]
}

/**
 * Keys as stored: each with the report's day ("knr|20160"), so that the index's
 * lists are a day's reports, not the archive's, and a lookup reads only the
 * days it asks for.
 */
export function datedKeys(keys: string[], day: number): string[] {
  return keys.map(key => `${key}|${day}`)
}

/** The stored keys a report of `day` looks up: its keys on each day from `day - span` to `day + span`. */
export function lookupKeys(keys: string[], day: number, span: number): string[] {
  const all: string[] = []
  for (let d = day - span; d <= day + span; d++)
    all.push(...datedKeys(keys, d))
  return all
}

/** A stored key without its day. */
export function undated(key: string): string {
  return key.slice(0, key.lastIndexOf('|'))
}

/** Whole days since the epoch (UTC). */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS)
}

export function dayStart(day: number): Date {
  return new Date(day * DAY_MS)
}
