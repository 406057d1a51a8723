// What an article says that another report of the same event would say too,
// in a form that compares across English and Russian: the names it mentions
// (as cross-script keys), its numbers (1,200 = 1 200 = 1.2 thousand), the dates
// and times it mentions (23 December = December 23 = 23 декабря), and, for
// reports in the same language, the word stems of its title and lead.
import { STOPWORDS } from '#root/news/stopwords.js'
import { stem } from '#root/news/topics.js'
import type { Language } from '#root/news/types.js'
import { acronymKey, nameKeys } from '#root/stories/names.js'

export interface StoryFeatures {
  /** names: each a group of cross-script keys, space-separated ("ksm jmrt tkf"), or an acronym ("@tapi") */
  names: string[]
  /** notable numbers, normalised ("1400", "6.0", "1300000000", "0341") */
  numbers: string[]
  /** calendar days ("12-23") and clock times ("t23:30") the text mentions */
  dates: string[]
  /** stems of the title and lead, for reports in the same language */
  terms: string[]
}

export interface FeatureInput {
  title: string
  body: string
  language: Language
  /** weekdays ("on Tuesday", "в среду") are dated from it */
  publishedAt: Date | null
}

/** How much of the body is read: the event is told at the top; the rest adds noise and time. */
const BODY_CHARS = 3000
const LEAD_PARAGRAPHS = 2
const MAX_TERMS = 60

// Capitalised words that are not names: titles, institutions, generic places, calendar words.
const NOT_NAMES = new Set([
  'president', 'prime', 'minister', 'ministry', 'ministers', 'deputy', 'vice', 'chairman', 'chair', 'head', 'leader', 'national',
  'government', 'state', 'states', 'republic', 'federation', 'council', 'department', 'agency', 'committee', 'service', 'services',
  'office', 'region', 'regional', 'province', 'district', 'city', 'village', 'mr', 'mrs', 'ms', 'dr', 'general', 'secretary',
  'foreign', 'affairs', 'interior', 'defence', 'defense', 'emergency', 'situations', 'press', 'news', 'agency', 'reports', 'report',
  'according', 'photo', 'video', 'source', 'update', 'breaking', 'read', 'also', 'today', 'yesterday', 'tomorrow', 'international',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'президент', 'премьер', 'министр', 'министерство', 'минист', 'вице', 'глава', 'председатель', 'лидер', 'правительство', 'государство',
  'республика', 'республики', 'федерация', 'совет', 'департамент', 'агентство', 'комитет', 'служба', 'область', 'район', 'город', 'село',
  'сообщает', 'фото', 'видео', 'источник', 'читайте', 'также', 'сегодня', 'вчера', 'завтра',
  'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
  'январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь',
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
])

const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu
const UPPER_START = /^\p{Lu}/u
const LETTERS = /[^\p{L}]/gu
// what may stand before the first word of a sentence
const SENTENCE_OPEN = /(?:^|[.!?…:;\n—–]|\s-)\s*[«"“„(]?\s*$/u

// ---------------------------------------------------------------- names

function isAllCaps(part: string): boolean {
  const letters = part.replace(LETTERS, '')
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}

/** TAPI, ГКНБ; not a dateline's city in capitals ("ASTANA -"), nor a shouted word. */
function isAcronym(part: string): boolean {
  return isAllCaps(part) && part.replace(LETTERS, '').length <= 5
}

/** "ASTANA" as "Astana". */
function titled(part: string): string {
  return isAllCaps(part) ? `${part[0]}${part.slice(1).toLowerCase()}` : part
}

function isNameLike(part: string): boolean {
  return UPPER_START.test(part) && part.replace(LETTERS, '').length >= 2 && !NOT_NAMES.has(part.toLowerCase())
    && !STOPWORDS.any.has(part.toLowerCase())
}

interface NameToken { part: string, initial: boolean, start: number, end: number }

function nameTokens(text: string, allInitial: boolean): NameToken[] {
  const found: NameToken[] = []
  for (const match of text.matchAll(TOKEN)) {
    const initial = allInitial || SENTENCE_OPEN.test(text.slice(Math.max(0, match.index - 4), match.index))
    let offset = match.index
    match[0].split(/(?<=[-.])/u).forEach((piece, i) => {
      const written = piece.replace(/[-.]$/u, '')
      // an all-caps word also written as a name elsewhere is that name
      const part = isAllCaps(written) && (!isAcronym(written) || text.includes(titled(written))) ? titled(written) : written
      if (isAcronym(part) || isNameLike(part))
        found.push({ part, initial: initial && i === 0, start: offset, end: offset + part.length })
      offset += piece.length
    })
  }
  return found
}

/** English headlines are often Title Case: every word capitalised says nothing about names. */
function isTitleCase(title: string): boolean {
  const long = (title.match(TOKEN) ?? []).filter(w => w.length >= 4)
  return long.length > 0 && long.filter(w => UPPER_START.test(w)).length / long.length >= 0.6
}

/**
 * Names as groups of keys: the words of one name written together ("Kassym-Jomart
 * Tokayev") are one group, so that a person counts once however fully named.
 */
function nameGroups(text: string, allInitial: boolean, confirmed: Set<string>): string[][] {
  const groups: string[][] = []
  let current: string[] = []
  let lastEnd = -1
  const close = () => {
    if (current.length > 0)
      groups.push([...new Set(current)])
    current = []
  }
  for (const token of nameTokens(text, allInitial)) {
    const acronym = isAcronym(token.part)
    // a capitalised word that opens a sentence is a name only if it is one elsewhere too
    if (!acronym && token.initial && !confirmed.has(token.part))
      continue
    const keys = acronym ? [`@${acronymKey(token.part) ?? ''}`].filter(k => k.length > 2) : nameKeys(token.part)
    if (keys.length === 0)
      continue
    if (acronym || lastEnd < 0 || !/^[\s-]*$/u.test(text.slice(lastEnd, token.start)))
      close()
    current.push(...keys)
    lastEnd = token.end
    if (acronym)
      close()
  }
  close()
  return groups
}

function names(title: string, body: string, language: Language): { groups: string[], surfaces: Set<string> } {
  const titleInitial = language === 'en' && isTitleCase(title)
  const tokens = [...nameTokens(title, titleInitial), ...nameTokens(body, false)]
  const confirmed = new Set(tokens.filter(t => !t.initial).map(t => t.part))
  const groups = [...nameGroups(title, titleInitial, confirmed), ...nameGroups(body, false, confirmed)]
  const surfaces = new Set(tokens.filter(t => isAcronym(t.part) || confirmed.has(t.part)).map(t => t.part.toLowerCase()))
  return { groups: [...new Set(groups.map(g => g.join(' ')))], surfaces }
}

// ---------------------------------------------------------------- dates and times

const MONTHS: Array<[RegExp, number]> = [
  [/^(?:jan|январ|янв)/u, 1], [/^(?:feb|феврал|фев)/u, 2], [/^(?:mar|март|мар)/u, 3], [/^(?:apr|апрел|апр)/u, 4],
  [/^(?:may|ма[йя])/u, 5], [/^(?:jun|июн)/u, 6], [/^(?:jul|июл)/u, 7], [/^(?:aug|август|авг)/u, 8],
  [/^(?:sep|сентябр|сен)/u, 9], [/^(?:oct|октябр|окт)/u, 10], [/^(?:nov|ноябр|ноя)/u, 11], [/^(?:dec|декабр|дек)/u, 12],
]
const MONTH_WORD = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|январ[ьяе]|феврал[ьяе]|март[а]?|апрел[ьяе]|ма[йя]|июн[ьяе]|июл[ьяе]|август[а]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])'
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}(?![\\p{L}])\\.?`, 'giu')
const MONTH_DAY = new RegExp(`(?<![\\p{L}\\p{N}])${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}])`, 'giu')
const NUMERIC_DATE = /(?<![\p{N}.])(\d{1,2})[./](\d{1,2})[./](?:19|20)\d{2}(?![\p{N}])/gu
const TIME = /(?<![\p{N}:])(\d{1,2}):(\d{2})(?![\p{N}:])(?:\s*([ap])\.?\s?m\b\.?)?/giu

function month(word: string): number | undefined {
  const lower = word.toLowerCase()
  return MONTHS.find(([pattern]) => pattern.test(lower))?.[1]
}

function dayKey(m: number | undefined, d: number): string | undefined {
  return m !== undefined && d >= 1 && d <= 31 ? `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined
}

/** Date and time mentions, and the text with them blanked out (their digits are not numbers). */
function datesAndTimes(text: string): { keys: string[], rest: string } {
  const keys = new Set<string>()
  const blank = (s: string) => ' '.repeat(s.length)
  let rest = text.replace(DAY_MONTH, (all, d: string, m: string) => {
    // "May" in English is a month only when capitalised
    const key = m === 'may' ? undefined : dayKey(month(m), Number(d))
    if (key)
      keys.add(key)
    return key ? blank(all) : all
  })
  rest = rest.replace(MONTH_DAY, (all, m: string, d: string) => {
    const key = m === 'may' ? undefined : dayKey(month(m), Number(d))
    if (key)
      keys.add(key)
    return key ? blank(all) : all
  })
  rest = rest.replace(NUMERIC_DATE, (all, d: string, m: string) => {
    const key = Number(m) <= 12 ? dayKey(Number(m), Number(d)) : undefined
    if (key)
      keys.add(key)
    return blank(all)
  })
  rest = rest.replace(TIME, (all, h: string, min: string, half: string | undefined) => {
    let hour = Number(h)
    if (half?.toLowerCase() === 'p' && hour < 12)
      hour += 12
    if (half?.toLowerCase() === 'a' && hour === 12)
      hour = 0
    if (hour < 24 && Number(min) < 60)
      keys.add(`t${String(hour).padStart(2, '0')}:${min}`)
    return blank(all)
  })
  return { keys: [...keys], rest }
}

// "on Tuesday", "в среду": the day of that name in the five days before the
// report or the day after it ("due on Saturday" in Friday's report).
const WEEKDAYS: Array<[RegExp, number]> = [
  [/^(?:sunday|воскресень)/u, 0], [/^(?:monday|понедельник)/u, 1], [/^(?:tuesday|вторник)/u, 2], [/^(?:wednesday|сред[уа])/u, 3],
  [/^(?:thursday|четверг)/u, 4], [/^(?:friday|пятниц)/u, 5], [/^(?:saturday|суббот)/u, 6],
]
const WEEKDAY = /(?<![\p{L}])(?:(?:on|late|early|last|this)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)|(?:в|во)\s+(воскресенье|понедельник|вторник|среду|четверг|пятницу|субботу))(?![\p{L}])/giu

function weekdayDates(text: string, published: Date): string[] {
  const keys = new Set<string>()
  for (const match of text.matchAll(WEEKDAY)) {
    const name = (match[1] ?? match[2] ?? '').toLowerCase()
    const weekday = WEEKDAYS.find(([pattern]) => pattern.test(name))?.[1]
    if (weekday === undefined)
      continue
    const offset = ((weekday - published.getUTCDay() + 7) % 7) // days ahead, 0..6
    const date = new Date(published.getTime() + (offset <= 1 ? offset : offset - 7) * 86_400_000)
    keys.add(date.toISOString().slice(5, 10))
  }
  return [...keys]
}

// ---------------------------------------------------------------- numbers

const NUMBER = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:(?:,|[ \u00A0\u202F])\d{3})+|\d+)(?:[.,](\d+))?(?![\p{N}])(?:\s*(thousand|million|billion|trillion|тыс\.?|тысяч\p{L}*|млн\.?|миллион\p{L}*|млрд\.?|миллиард\p{L}*|трлн\.?|триллион\p{L}*))?/giu
const MAGNITUDES: Array<[RegExp, number]> = [[/^(?:thousand|тыс)/u, 1e3], [/^(?:million|млн|миллион)/u, 1e6], [/^(?:billion|млрд|миллиард)/u, 1e9], [/^(?:trillion|трлн|триллион)/u, 1e12]]
/** Below this, a number is too common to tell events apart (and often written as a word). */
const SMALLEST = 11

function numbers(text: string): string[] {
  const keys = new Set<string>()
  for (const match of text.matchAll(NUMBER)) {
    const [, whole, fraction, magnitude] = match as unknown as [string, string, string | undefined, string | undefined]
    // "1,500" and "1 500" are fifteen hundred (grouped whole part); "1,5" and "1.5" one and a half
    const digits = whole.replace(/[, \u00A0\u202F]/g, '')
    const scale = magnitude ? MAGNITUDES.find(([p]) => p.test(magnitude.toLowerCase()))?.[1] ?? 1 : 1
    if (scale > 1) {
      const value = Number(`${digits}.${fraction ?? '0'}`) * scale
      keys.add(String(Math.round(value)))
      continue
    }
    if (fraction !== undefined) {
      keys.add(`${Number(digits)}.${fraction}`)
      continue
    }
    const value = Number(digits)
    const year = digits.length === 4 && !whole.includes(',') && value >= 1900 && value <= 2100
    if (digits.length > 1 && digits.startsWith('0'))
      keys.add(digits) // an identifier (unit 0341)
    else if (value >= SMALLEST && !year)
      keys.add(String(value))
  }
  return [...keys]
}

/** Numbers such as 100 or 2,000 turn up in unrelated reports more than 1,437 does. */
export function isRoundNumber(key: string): boolean {
  return /^[1-9]0+$/.test(key) || /^[1-9]50+$/.test(key) || /^\d+\.0$/.test(key)
}

// ---------------------------------------------------------------- terms

/** What the title and lead say happened: their words but names (names count on their own). */
function terms(title: string, lead: string, names: ReadonlySet<string>): string[] {
  const seen = new Set<string>()
  for (const token of `${title} ${lead}`.toLowerCase().match(TOKEN) ?? []) {
    const word = token.replace(/['’]s$/u, '')
    if (word.length < 3 || /\d/.test(word) || STOPWORDS.any.has(word) || NOT_NAMES.has(word) || names.has(word) || word.split('-').some(part => names.has(part)))
      continue
    seen.add(stem(word))
    if (seen.size >= MAX_TERMS)
      break
  }
  return [...seen]
}

// ---------------------------------------------------------------- all together

export function storyFeatures(article: FeatureInput): StoryFeatures {
  const body = article.body.slice(0, BODY_CHARS)
  const paragraphs = body.split(/\n\s*\n/u)
  const text = `${article.title}\n\n${body}`
  const { keys: dates, rest } = datesAndTimes(text)
  const weekdays = article.publishedAt ? weekdayDates(text, article.publishedAt) : []
  const { groups, surfaces } = names(article.title, body, article.language)
  return {
    names: groups,
    numbers: numbers(rest),
    dates: [...new Set([...dates, ...weekdays])],
    terms: terms(article.title, paragraphs.slice(0, LEAD_PARAGRAPHS).join(' '), surfaces),
  }
}
