// The publisher, read where pages print it: the masthead at the top, the
// copyright line ("© 2025 Outlet", "© ИД «Вечерний Бишкек»"), "Source:" lines,
// a byline "By X – Outlet", reprint and follow notes ("a hyperlink to 24.kg is
// required", "Подписывайтесь на X в Telegram"), a short line under the
// headline, the lead's dateline ("NUR-SULTAN. KAZINFORM –"), the URL's site.
// Each place gives a candidate with a weight; the names that agree are pooled
// and the best pool wins if it has enough weight. Outlets the text cites
// ("пишет «Газета.uz»") are never candidates: only these places are read.
import { dateCueLength, isByline, isCaption, isFurniture, isMenu, isRubric } from '#root/news/cues.js'
import { isDateLine } from '#root/news/dates.js'
import type { PageLayout } from '#root/news/layout.js'
import type { Language } from '#root/news/types.js'

interface Candidate { name: string, weight: number }

/** a lone weak place (the line under the headline, the dateline) is not enough */
const MIN_WEIGHT = 2
const MAX_NAME = 40
const MAX_NAME_WORDS = 5

const NAVIGATION = /^(?:top of page|social media|menu|home|search|sections|main page|desktop version|mobile version|главная|меню|поиск|рубрики|разделы)(?![\p{L}\p{N}])/iu
const RIGHTS = /^(?:all rights reserved|все права защищены|\d+\+|reprinted|used with|при использовании|при перепечатке|полное или частичное|перепечатка|материалы доступны|except where|content on this site)/iu
// legal forms and generic words around a name: "АО «Бизнес Ньюс Медиа»", "RFE/RL, Inc."
const LEGAL = /^(?:ао|оао|зао|пао|ооо|ид|издательский дом|информационное агентство|национальное информационное агентство|inc|llc|ltd|plc|gmbh|corp)\.?$/iu
const LEGAL_PREFIX = /^(?:ао|оао|зао|пао|ооо|ид|издательский дом|информационное агентство)\s+/iu
const YEARS = /(?:^|\s)(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\.?(?=\s|$|,)/gu
const QUOTED = /«([^«»]{2,40})»|"([^"]{2,40})"/u

// Notes that name the outlet: reprint and follow calls.
const NAMING = [
  /(?:hyper)?link to (.{2,40}?) is (?:required|obligatory|mandatory)/iu,
  /reference to (.{2,40}?) is (?:obligatory|required|mandatory)/iu,
  /(?:гипер)?ссылка на (.{2,40}?) обязательна/iu,
  /^(?:follow|subscribe to|join) (.{2,40}?) on (?:telegram|facebook|x|twitter|instagram|whatsapp|youtube)\b/iu,
  /^(?:подписывайтесь|подпишитесь) на (.{2,40}?) в (?:telegram|телеграм|facebook|вконтакте|vk|дзен|whatsapp|max)(?![\p{L}\p{N}])/iu,
]
// "By Huseyn Hasanov– Trend:", "By Saida Kalkulova | RFE/RL"
const BYLINE_OUTLET = /^by\s+[^|–—]{2,40}?\s*[|–—]\s*([^|–—:]{2,40}?)\s*:?$/iu
const SOURCE_LINE = /^(?:source|источник)\s*:\s*(.{2,60})$/iu

const isUpperCase = (text: string) => text === text.toUpperCase() && /\p{Lu}{2}/u.test(text)

// (the trailing run is matched from its first character only, so that a long run costs linear time)
function tidy(name: string): string {
  return name.replace(/^[\s"'«»(),.:–—-]+|(?<![\s"'«»(),:–—-])[\s"'«»(),:–—-]+$/gu, '').replace(/\.$/u, '').replace(/\s+/gu, ' ')
}

/** Reads like a name: a few words, the first capitalised (or a domain such as "24.kg"), no sentence. */
function nameLike(text: string): boolean {
  if (text.length > MAX_NAME * 2)
    return false
  const name = tidy(text)
  const first = name.split(' ')[0] ?? ''
  return name.length >= 2 && name.length <= MAX_NAME && name.split(' ').length <= MAX_NAME_WORDS
    && (/^[\p{Lu}\p{N}]/u.test(first) || /\p{L}\.\p{L}/u.test(first))
    && !/[!?]$/u.test(name) && !NAVIGATION.test(name) && !RIGHTS.test(name) && !LEGAL.test(name)
    // not a rate, a time or a weather line ("USD 87.45", "13:52", "Astana+26+28℃")
    && !/\d[.,:]\d/u.test(name) && !/[^\p{L}\p{N}\s.&'’"«»/()-]/u.test(name)
}

/** The names a copyright line gives: the holder, and the outlet named after it when the holder is a company. */
function copyrightNames(line: string): Candidate[] {
  const at = line.search(/©|\(c\)|\bcopyright\b/iu)
  if (at === -1)
    return []
  let after = line.slice(at).replace(/^(?:copyright\s*)?(?:©|\(c\))?\s*/iu, '').replace(YEARS, ' ')
  const before = line.slice(0, at).trim()
  // "Ariana News © 2022": the name comes first
  if (!/\p{L}/u.test(after.split(/\.\s/u)[0] ?? '') && nameLike(before))
    after = before
  const parts = after.split(/[.;]\s+|,\s+/u).map(part => part.trim().replace(/[.,]$/u, '')).filter(Boolean)
  const names: string[] = []
  let company = false
  for (const part of parts) {
    if (RIGHTS.test(part) || part.split(' ').length > MAX_NAME_WORDS)
      break
    if (LEGAL.test(part))
      continue
    const quoted = QUOTED.exec(part)
    const name = quoted ? (quoted[1] ?? quoted[2])! : part
    if (names.length === 0)
      company = LEGAL_PREFIX.test(part)
    if (nameLike(name))
      names.push(tidy(name))
  }
  if (names.length === 0)
    return []
  // "© АО «Бизнес Ньюс Медиа», 1999–2024. Ведомости": the company owns the outlet named after it
  if (company && names.length > 1)
    return [{ name: names[0]!, weight: 1 }, { name: names[1]!, weight: 3 }]
  return [{ name: names[0]!, weight: 3 }]
}

/**
 * The masthead: the first line of the page that is neither furniture, a menu, a
 * date nor navigation, if it reads like a name; never the rubric just above the
 * headline (or the text).
 */
function masthead(page: PageLayout, language: Language, now: Date): Candidate[] {
  // the line just above the headline (or the two above the text) is a rubric, unless it opens the page
  const end = Math.max(1, page.titleIndex >= 0 ? page.titleIndex - 1 : page.bodyStart - 2)
  for (let i = 0; i < end && i < (page.titleIndex >= 0 ? page.titleIndex : page.bodyStart); i++) {
    let line = page.lines[i]!.replace(/^[^\p{L}\p{N}]+/u, '')
    // the page's first line may be the name and a switch: "NEWS.ru · мобильная версия"
    if (i === 0 && isMenu(line))
      line = line.split(/ [|·] /u)[0]!
    if (isFurniture(line) || isMenu(line) || isDateLine(line, language, now) || NAVIGATION.test(line))
      continue
    return nameLike(line) && !isCaption(line) && !isRubric(line) && !/:$/u.test(line) ? [{ name: tidy(line), weight: 2 }] : []
  }
  return []
}

/** A short line just under the headline (or its date line), e.g. "Zan News". */
function underHeadline(page: PageLayout, language: Language, now: Date): Candidate[] {
  if (page.titleIndex < 0)
    return []
  for (let i = page.titleIndex + 1; i < Math.min(page.bodyStart, page.titleIndex + 4); i++) {
    const line = page.lines[i]!
    if (page.bodyLines.has(i) || isDateLine(line, language, now))
      continue
    return nameLike(line) && line.split(' ').length <= 4 && !isCaption(line) && !isByline(line) && !isMenu(line) && !isRubric(line) && dateCueLength(line) === 0 ? [{ name: tidy(line), weight: 1 }] : []
  }
  return []
}

/** The lead's dateline: "NUR-SULTAN. KAZINFORM –", "Zan News:", "(НИАТ «Ховар»). —", "(RFE/RL) --". */
function dateline(paragraphs: string[]): Candidate[] {
  const found: Candidate[] = []
  for (const paragraph of paragraphs.slice(0, 2)) {
    const start = paragraph.slice(0, 100)
    const prefix = /^([^:–—]{2,60}?)\s*(?::|\s[–—-]{1,2})\s/u.exec(start)?.[1]
    const last = prefix?.split(/\.\s+/u).at(-1)
    if (last && nameLike(last) && !/\s\p{Ll}/u.test(last))
      found.push({ name: tidy(last), weight: 1 })
    const bracketed = /\(([^()]{2,30})\)/u.exec(start.slice(0, 50))?.[1]
    if (bracketed && nameLike(bracketed) && !/\d/u.test(bracketed))
      found.push({ name: tidy(bracketed), weight: 1 })
  }
  return found
}

function siteOf(url: string | undefined): Candidate[] {
  try {
    return url ? [{ name: new URL(url).hostname.replace(/^www\./u, ''), weight: 2 }] : []
  }
  catch {
    return []
  }
}

/** The words a name is compared by: lower case, no quotes, no top-level domain, no legal forms or generic words. */
function key(name: string): string[] {
  const all = name.toLowerCase().replace(/[«»"'“”]/gu, '').replace(/(\p{L}{3,})\.(?:[a-z]{2,3}|рф)$/u, '$1').split(/[\s/]+/u).filter(Boolean)
  const distinctive = all.filter(w => !/^(?:the|news|agency|media|international|inc\.?|информационное|агентство|медиа)$/u.test(w))
  return distinctive.length > 0 ? distinctive : all
}

function agree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0)
    return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((w, k) => long[i + k] === w))
      return true
  }
  // "VOA" and "Voice of America"
  const initials = (words: string[]) => words.map(w => w[0]).join('')
  return (short.length === 1 && short[0] === initials(long)) || false
}

/** The display form of a pool: its shortest name not in capitals ("Interfax", not "INTERFAX.RU"); acronyms such as "VOA" may be. */
function display(names: string[]): string {
  const readable = names.filter(n => !isUpperCase(n) || n.replace(/[^\p{L}]/gu, '').length <= 5)
  const capitals = (n: string) => (isUpperCase(n) ? 1 : 0)
  return [...(readable.length > 0 ? readable : names)].sort((a, b) => a.length - b.length || capitals(a) - capitals(b))[0]!
}

export interface SourceOptions {
  url?: string
  /** true for a topic's name ("Afghanistan", "Economy"): a rubric, not a publisher */
  isTopicName?: (name: string) => boolean
}

export function findSource(page: PageLayout, language: Language, options: SourceOptions = {}, now = new Date()): string | undefined {
  const candidates: Candidate[] = [...masthead(page, language, now), ...underHeadline(page, language, now), ...dateline(page.paragraphs), ...siteOf(options.url)]
  page.lines.forEach((line, i) => {
    if (page.bodyLines.has(i))
      return
    candidates.push(...copyrightNames(line))
    const source = SOURCE_LINE.exec(line)?.[1]
    if (source && !isCaption(line) && nameLike(source))
      candidates.push({ name: tidy(source), weight: 3 })
    const outlet = BYLINE_OUTLET.exec(line)?.[1]
    if (outlet && nameLike(outlet))
      candidates.push({ name: tidy(outlet), weight: 2 })
    for (const pattern of NAMING) {
      const named = line.length <= 300 ? pattern.exec(line)?.[1] : undefined
      const name = named === undefined ? undefined : tidy(QUOTED.exec(named)?.[1] ?? named)
      // "Follow us on Telegram", "Подписывайтесь на наш канал": no name
      if (name && nameLike(name))
        candidates.push({ name, weight: 2 })
    }
  })
  const usable = candidates.filter(c => c.name && !options.isTopicName?.(c.name) && !isDateLine(c.name, language, now))
  // pool the names that agree (union by pairwise agreement; a page gives a handful)
  const pools: Array<{ names: string[], keys: string[][], weight: number }> = []
  for (const candidate of usable) {
    const k = key(candidate.name)
    const pool = pools.find(p => p.keys.some(other => agree(k, other)))
    if (pool) {
      pool.names.push(candidate.name)
      pool.keys.push(k)
      pool.weight += candidate.weight
    }
    else {
      pools.push({ names: [candidate.name], keys: [k], weight: candidate.weight })
    }
  }
  const best = pools.reduce<typeof pools[number] | undefined>((a, b) => (a === undefined || b.weight > a.weight ? b : a), undefined)
  return best && best.weight >= MIN_WEIGHT ? display(best.names) : undefined
}
