// The decision whether an article reports the same event as an earlier one.
// Precision first: a false merge shows two events as one, worse than a missed
// pair. Reports of one event are published within a couple of days of each
// other and share specific things: the people and places named (weighted by
// how rare they are among the stories of those days; countries, capitals and
// leaders everyone writes about weigh little), numbers, the dates and times
// they tell of, and in the same language their words.
import type { Language } from '#root/news/types.js'
import { isRoundNumber, type StoryFeatures } from '#root/stories/features.js'

export interface StoryArticle {
  language: Language
  /** whole days since the epoch: the publication date, else the day it was ingested */
  day: number
  features: StoryFeatures
}

export interface StoryCandidate extends StoryArticle {
  storyId: number
  /** the day the candidate's story was first seen */
  storyFirstDay: number
}

export interface MatchContext {
  /** keys of places everyone names (countries, capitals, nationalities): each its own name, weighing little */
  places: ReadonlySet<string>
  /** keys of other well-known names (leaders, big cities): they weigh little */
  known: ReadonlySet<string>
  /** for each key, in how many stories of the window it occurs (rarity); absent = 1 */
  storyCounts?: ReadonlyMap<string, number>
}

/** Reports of one event are at most this many days apart... */
export const MAX_DAYS_APART = 2
/** ...and a story takes no report this many days after its first. */
export const MAX_STORY_SPAN = 3

const COMMON_WEIGHT = 0.3
/** an acronym may be a project's (TAPI) or a generic one (ГЭС, МЧС): it counts, but not as specific */
const ACRONYM_WEIGHT = 0.5
const NUMBER_WEIGHT = 1
const ROUND_NUMBER_WEIGHT = 0.5
const DATE_WEIGHT = 1
/** a date both reports were published on says less */
const SAME_DAY_DATE_WEIGHT = 0.5
const TEXT_WEIGHT = 5
/** what it takes to join a story */
export const JOIN_THRESHOLD = 2.5
/** ...or, with two pieces of specific evidence (a report in the other language has no words in common) */
export const JOIN_THRESHOLD_SPECIFIC = 2
const DISAGREEING_THRESHOLD = 8
/** dates this many days before a report are what it is about (earlier ones are background) */
const RECENT_DAYS = 7

export interface PairScore {
  names: number
  numbers: number
  dates: number
  text: number
  total: number
  /** pieces of specific evidence: rare names, numbers, dates */
  specific: number
  /** both name the days of what they report, and no day is the same */
  datesDisagree: boolean
}

function rarity(key: string, counts: ReadonlyMap<string, number> | undefined): number {
  const n = counts?.get(key) ?? 1
  return 1 / (1 + 0.5 * Math.log(Math.max(1, n)))
}

/** A stored name group split so that each place stands alone ("Kazakhstan Kassym-Jomart Tokayev"). */
function groupsOf(features: StoryFeatures, places: ReadonlySet<string>): string[][] {
  const groups: string[][] = []
  for (const name of features.names) {
    let current: string[] = []
    for (const key of name.split(' ')) {
      if (places.has(key)) {
        if (current.length > 0)
          groups.push(current)
        groups.push([key])
        current = []
      }
      else {
        current.push(key)
      }
    }
    if (current.length > 0)
      groups.push(current)
  }
  return groups
}

function isCommon(group: string[], context: MatchContext): boolean {
  return group.some(key => context.places.has(key) || context.known.has(key))
}

/** How much the names of `a` found in `b` say, each name once. */
function nameEvidence(a: string[][], b: string[][], context: MatchContext): { weight: number, specific: number } {
  const inB = new Map<string, string[]>()
  for (const group of b) {
    for (const key of group)
      inB.set(key, group)
  }
  let weight = 0
  let specific = 0
  for (const group of a) {
    const matched = group.filter(key => inB.has(key))
    if (matched.length === 0)
      continue
    const common = isCommon(group, context) || matched.some(key => isCommon(inB.get(key)!, context))
    const acronym = matched.every(key => key.startsWith('@'))
    const rare = Math.max(...matched.map(key => rarity(key, context.storyCounts)))
    weight += (common ? COMMON_WEIGHT : acronym ? ACRONYM_WEIGHT : 1) * rare
    if (!common && !acronym)
      specific++
  }
  return { weight, specific }
}

function cosine(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0)
    return 0
  const set = new Set(a)
  const shared = b.filter(x => set.has(x)).length
  return shared / Math.sqrt(a.length * b.length)
}

export function scorePair(a: StoryArticle, b: StoryArticle, context: MatchContext): PairScore {
  const ga = groupsOf(a.features, context.places)
  const gb = groupsOf(b.features, context.places)
  const ab = nameEvidence(ga, gb, context)
  const ba = nameEvidence(gb, ga, context)
  const names = Math.min(ab.weight, ba.weight)

  const bNumbers = new Set(b.features.numbers)
  const sharedNumbers = a.features.numbers.filter(n => bNumbers.has(n))
  const numbers = sharedNumbers.reduce((sum, n) => sum + (isRoundNumber(n) ? ROUND_NUMBER_WEIGHT : NUMBER_WEIGHT) * rarity(`#${n}`, context.storyCounts), 0)

  const bDates = new Set(b.features.dates)
  const sharedDates = a.features.dates.filter(d => bDates.has(d))
  // the day both were published on: any two reports of that day may name it
  const today = (d: string) => a.day === b.day && isDayOf(d, a.day)
  const dates = sharedDates.reduce((sum, d) => sum + (today(d) ? SAME_DAY_DATE_WEIGHT : DATE_WEIGHT) * rarity(`%${d}`, context.storyCounts), 0)

  const text = a.language === b.language ? TEXT_WEIGHT * cosine(a.features.terms, b.features.terms) : 0
  // both say on which days things happened, and never the same day: two events
  const ra = recentDays(a)
  const rb = recentDays(b)
  const datesDisagree = ra.length > 0 && rb.length > 0 && !ra.some(d => rb.includes(d))
  return {
    names,
    numbers,
    dates,
    text,
    total: names + numbers + dates + text,
    specific: Math.min(ab.specific, ba.specific) + sharedNumbers.length + sharedDates.filter(d => !today(d)).length,
    datesDisagree,
  }
}

function isDayOf(key: string, day: number): boolean {
  return new Date(day * 86_400_000).toISOString().slice(5, 10) === key
}

/** The calendar days a report mentions from the week before it to the day after: when its event happened. */
function recentDays(article: StoryArticle): string[] {
  const days = new Set<string>()
  for (let d = article.day - RECENT_DAYS; d <= article.day + 1; d++)
    days.add(new Date(d * 86_400_000).toISOString().slice(5, 10))
  return article.features.dates.filter(key => days.has(key))
}

/**
 * The story `article` belongs to among the candidates' stories, or undefined
 * for a story of its own. A story is joined through its best-matching report,
 * which must be close in time, and the story must not have begun too long before.
 */
export function chooseStory(article: StoryArticle, candidates: StoryCandidate[], context: MatchContext): { storyId: number, score: PairScore } | undefined {
  let best: { storyId: number, score: PairScore } | undefined
  for (const candidate of candidates) {
    if (Math.abs(candidate.day - article.day) > MAX_DAYS_APART || Math.abs(article.day - candidate.storyFirstDay) > MAX_STORY_SPAN)
      continue
    const score = scorePair(article, candidate, context)
    if (!joins(score))
      continue
    if (!best || score.total > best.score.total)
      best = { storyId: candidate.storyId, score }
  }
  return best
}

/**
 * Enough evidence, and not from well-known names alone; reports that date what
 * they tell on different days (a second aid convoy two days after the first,
 * from the same ministry over the same bridge) need overwhelming evidence.
 */
export function joins(score: PairScore): boolean {
  if (score.datesDisagree)
    return score.total >= DISAGREEING_THRESHOLD
  return (score.total >= JOIN_THRESHOLD && (score.specific >= 1 || score.text >= TEXT_WEIGHT * 0.5))
    || (score.total >= JOIN_THRESHOLD_SPECIFIC && score.specific >= 2)
}
