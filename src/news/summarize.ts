// Extractive summaries. Sentences are scored by position (news puts the point
// first), directed centrality (how much later sentences elaborate on it, tf-idf
// weighted stems), similarity to the title, length (fragments and run-on caption
// merges score low) and direct speech; the best are taken with a redundancy check
// and given back in article order. The weights were chosen on half of the
// English evaluation set and checked on the other half (docs/BENCHMARKS.md).
import { STOPWORDS } from '#root/news/stopwords.js'
import { stem } from '#root/news/topics.js'
import { clip, splitSentences, tokens, withoutDateline, words } from '#root/news/text.js'
import type { ArticleSummary } from '#root/news/types.js'

export const MAX_SUMMARY = 320
export const MAX_TEASER = 140
const DIGEST_SENTENCES = 2
/**
 * The summary is chosen among the first sentences only: news puts its point
 * first, and centrality compares every pair of sentences, so an unbounded
 * number would cost quadratic time on a hostile page.
 */
const MAX_UNITS = 60
const MAX_SOURCE_CHARS = 30_000

export const DEFAULT_WEIGHTS = {
  position: 2,
  positionDecay: 0.6,
  centrality: 0.5,
  backward: 0,
  title: 0.5,
  idealWords: 20,
  lengthPenalty: 0.3,
  redundancy: 0.6,
  quote: 0.3,
}
export type SummaryWeights = typeof DEFAULT_WEIGHTS

const QUOTED = /^\s*['"‘“«„-]/u

const CLOSING: Record<string, string> = { '«': '»', '“': '”', '(': ')', '[': ']' }
const CLOSERS = new Set(Object.values(CLOSING))
const PAIRED = /[«“([»”)\]"]/u

/** Closes quotes and brackets left open, innermost first. */
export function balance(text: string): string {
  if (!PAIRED.test(text))
    return text
  const stack: string[] = []
  let straight = false
  for (const ch of text) {
    const close = CLOSING[ch]
    if (close)
      stack.push(close)
    else if (CLOSERS.has(ch) && stack.at(-1) === ch)
      stack.pop()
    else if (ch === '"')
      straight = !straight
  }
  return text + (straight ? '"' : '') + stack.reverse().join('')
}

function isBalanced(text: string): boolean {
  return balance(text) === text
}

/** Sentences, with a quotation that runs over several sentences kept as one unit. */
export function sentenceUnits(paragraphs: string[]): string[] {
  const units: string[] = []
  for (const paragraph of paragraphs) {
    let pending: string[] = []
    for (const sentence of splitSentences(paragraph)) {
      pending.push(sentence)
      if (isBalanced(pending.join(' ')) || pending.length >= 3) {
        units.push(pending.join(' '))
        pending = []
      }
    }
    if (pending.length > 0)
      units.push(pending.join(' '))
  }
  return units
}

function contentStems(text: string): string[] {
  const stems: string[] = []
  for (const word of words(text)) {
    const lower = word.toLowerCase()
    if (!STOPWORDS.any.has(lower) && !/^\d/u.test(word))
      stems.push(stem(word))
  }
  return stems
}

type Vector = Map<string, number>

function vectorOf(stems: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map()
  for (const s of stems)
    v.set(s, (v.get(s) ?? 0) + (idf.get(s) ?? 1))
  return v
}

function norm(v: Vector): number {
  let sum = 0
  for (const x of v.values())
    sum += x * x
  return Math.sqrt(sum)
}

function cosine(a: Vector, b: Vector, normA = norm(a), normB = norm(b)): number {
  if (normA === 0 || normB === 0)
    return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [k, x] of small) {
    const y = large.get(k)
    if (y !== undefined)
      dot += x * y
  }
  return dot / (normA * normB)
}

export interface RankedSentence {
  text: string
  index: number
  score: number
}

export function rankSentences(units: string[], title: string | undefined, w: SummaryWeights = DEFAULT_WEIGHTS): RankedSentence[] {
  const stems = units.map(contentStems)
  const df = new Map<string, number>()
  for (const set of stems.map(s => new Set(s))) {
    for (const s of set)
      df.set(s, (df.get(s) ?? 0) + 1)
  }
  const n = units.length
  const idf = new Map([...df].map(([s, d]) => [s, Math.log(1 + n / d)]))
  const titleVector = title ? vectorOf(contentStems(title), idf) : undefined
  const vectors = stems.map(s => vectorOf(s, idf))
  const norms = vectors.map(norm)
  // PacSum-style directed centrality (Zheng & Lapata 2019): a sentence that later
  // sentences elaborate on is central; one that only echoes earlier ones is not.
  const centrality = vectors.map((v, i) => {
    let sum = 0
    vectors.forEach((u, j) => {
      const weight = j > i ? 1 : j < i ? w.backward : 0
      if (weight !== 0)
        sum += cosine(v, u, norms[i], norms[j]) * weight
    })
    return n > 1 ? sum / (n - 1) : 0
  })
  const maxCentrality = Math.max(...centrality, 1e-9)
  return units.map((text, index) => {
    const v = vectors[index]!
    const count = tokens(text).length
    const lengthRatio = Math.log((count + 1) / (w.idealWords + 1))
    const score = w.position / (1 + index) ** w.positionDecay
      + w.centrality * (centrality[index]! / maxCentrality)
      + (titleVector ? w.title * cosine(v, titleVector) : 0)
      - w.lengthPenalty * lengthRatio * lengthRatio
      - (count < 5 ? 1 : 0)
      // direct speech and questions make poor summaries
      - (QUOTED.test(text) || text.endsWith('?') ? w.quote : 0)
    return { text, index, score }
  })
}

/** The best `maxSentences` sentences within `maxChars`, in article order. */
export function extract(units: string[], options: { maxSentences: number, maxChars?: number, title?: string, weights?: SummaryWeights }): RankedSentence[] {
  const weights = options.weights ?? DEFAULT_WEIGHTS
  const ranked = rankSentences(units, options.title, weights).sort((a, b) => b.score - a.score)
  const chosen: RankedSentence[] = []
  const chosenStems: Array<Set<string>> = []
  let length = 0
  for (const candidate of ranked) {
    if (chosen.length >= options.maxSentences)
      break
    const extra = candidate.text.length + (chosen.length > 0 ? 1 : 0)
    if (options.maxChars !== undefined && length + extra > options.maxChars)
      continue
    const own = new Set(contentStems(candidate.text))
    const overlap = Math.max(0, ...chosenStems.map(s => [...own].filter(x => s.has(x)).length / Math.max(own.size, 1)))
    if (overlap > weights.redundancy)
      continue
    chosen.push(candidate)
    chosenStems.push(own)
    length += extra
  }
  return chosen.sort((a, b) => a.index - b.index)
}

// "Zan News: Karen Decker..." -> "Karen Decker...": the source is shown anyway.
function withoutSource(text: string, source: string | undefined): string {
  if (!source || !text.startsWith(source))
    return text
  return /^\s*[:—–-]\s+(\p{Lu}.*)$/su.exec(text.slice(source.length))?.[1] ?? text
}

/** The paragraphs up to MAX_SOURCE_CHARS characters (the last one cut there). */
function leading(paragraphs: string[]): string[] {
  const kept: string[] = []
  let length = 0
  for (const paragraph of paragraphs) {
    if (length >= MAX_SOURCE_CHARS)
      break
    kept.push(paragraph.slice(0, MAX_SOURCE_CHARS - length))
    length += paragraph.length
  }
  return kept
}

const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch)

/** Where `text` goes on after `prefix` (its letters and digits, lower case), comparing letters and digits only; -1 when it does not start with it. */
function afterPrefix(text: string, prefix: string): number {
  let i = 0
  for (const ch of prefix) {
    while (i < text.length && !isWordChar(text[i]!))
      i++
    if (i >= text.length || text[i]!.toLowerCase() !== ch)
      return -1
    i++
  }
  return i
}

/** Whether `text` begins with the headline (its letters and digits, whatever the case and punctuation). */
export function opensWith(text: string, title: string): boolean {
  const letters = [...title.replace(/…$/u, '')].filter(isWordChar).join('').toLowerCase()
  return letters.length > 0 && afterPrefix(text, letters) !== -1
}

/**
 * Sentences as they may follow the headline: one that opens with the whole
 * headline is left out, or keeps what follows a clause break ("Казахстан поставит ... пшеницы, договоренность об этом
 * была достигнута..." -> "Договоренность об этом была достигнута...").
 */
function besideTitle(units: string[], title: string | undefined, titleFromLead: boolean): string[] {
  if (!title)
    return units
  const letters = [...title.replace(/…$/u, '')].filter(isWordChar).join('').toLowerCase()
  const kept: string[] = []
  for (const unit of units) {
    const end = letters.length > 0 ? afterPrefix(unit, letters) : -1
    if (end === -1) {
      kept.push(unit)
      continue
    }
    // what follows a headline made from this very sentence is a fragment
    const rest = /^\s*(?:[,;:]|\s[—–-])\s*(.+)$/su.exec(unit.slice(end))?.[1]
    if (!titleFromLead && !title.endsWith('…') && rest && words(rest).length >= 4)
      kept.push(rest.charAt(0).toUpperCase() + rest.slice(1))
  }
  return kept
}

/** Whether a sentence says nothing the headline does not (most of its content words are the headline's). */
function repeats(unit: string, titleStems: ReadonlySet<string>): boolean {
  if (titleStems.size === 0)
    return false
  const own = new Set(contentStems(unit))
  if (own.size === 0)
    return false
  let shared = 0
  for (const s of own) {
    if (titleStems.has(s))
      shared++
  }
  return shared / own.size >= 0.8
}

/**
 * The digest summary (at most 2 whole sentences, 320 characters) and a teaser
 * (140). No sentence repeats the headline: when the headline was made from the
 * lead, the lead's first sentence is left to it.
 */
export function summarize(paragraphs: string[], title?: string, source?: string, options: { titleFromLead?: boolean } = {}): ArticleSummary {
  const [lead, ...rest] = leading(paragraphs)
  const all = sentenceUnits(lead === undefined ? [] : [withoutDateline(lead), ...rest]).slice(0, MAX_UNITS).map(unit => withoutSource(unit, source))
  const beside = besideTitle(all, title, options.titleFromLead ?? false)
  // an article of one sentence has nothing else to say
  let units = beside.length > 0 ? beside : all
  let chosen = extract(units, { maxSentences: DIGEST_SENTENCES, maxChars: MAX_SUMMARY, title })
  // a chosen sentence that says nothing the headline does not gives way to the next best
  const titleStems = new Set(title ? contentStems(title) : [])
  const repeating = new Set(chosen.filter(c => repeats(c.text, titleStems)).map(c => c.text))
  if (repeating.size > 0 && units.length > repeating.size) {
    units = units.filter(unit => !repeating.has(unit))
    chosen = extract(units, { maxSentences: DIGEST_SENTENCES, maxChars: MAX_SUMMARY, title })
  }
  // no whole sentence fits: cut the first one at a word boundary
  const text = chosen.length > 0 ? chosen.map(s => s.text).join(' ') : balance(clip(units[0] ?? '', MAX_SUMMARY - 2))
  const teaserSource = chosen[0]?.text ?? units[0] ?? ''
  return { text, teaser: teaserSource.length <= MAX_TEASER ? teaserSource : balance(clip(teaserSource, MAX_TEASER - 2)) }
}
