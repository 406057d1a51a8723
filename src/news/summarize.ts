// Extractive summaries. Sentences are scored by position (news puts the point
// first), directed centrality (how much later sentences elaborate on it, tf-idf
// weighted stems), similarity to the title, length (fragments and run-on caption
// merges score low) and direct speech; the best are taken with a redundancy check
// and given back in article order. The weights were chosen on half of the
// English evaluation set and checked on the other half (docs/BENCHMARKS.md).
import { STOPWORDS } from '#root/news/stopwords.js'
import { stem } from '#root/news/topics.js'
import { clip, splitSentences, tokens } from '#root/news/text.js'
import type { ArticleSummary } from '#root/news/types.js'

export const MAX_SUMMARY = 320
export const MAX_TEASER = 140
const DIGEST_SENTENCES = 2

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

const PAIRS: Array<[string, string]> = [['«', '»'], ['“', '”'], ['(', ')'], ['[', ']']]

/** Closes quotes and brackets left open, innermost first. */
export function balance(text: string): string {
  const stack: string[] = []
  let straight = false
  for (const ch of text) {
    const pair = PAIRS.find(([open]) => open === ch)
    if (pair)
      stack.push(pair[1])
    else if (PAIRS.some(([, close]) => close === ch) && stack.at(-1) === ch)
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
  return tokens(text).filter(w => !STOPWORDS.any.has(w) && /\p{L}/u.test(w)).map(stem)
}

type Vector = Map<string, number>

function vectorOf(stems: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map()
  for (const s of stems)
    v.set(s, (v.get(s) ?? 0) + (idf.get(s) ?? 1))
  return v
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [k, x] of a) {
    na += x * x
    const y = b.get(k)
    if (y !== undefined)
      dot += x * y
  }
  for (const y of b.values())
    nb += y * y
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
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
  // PacSum-style directed centrality (Zheng & Lapata 2019): a sentence that later
  // sentences elaborate on is central; one that only echoes earlier ones is not.
  const centrality = vectors.map((v, i) => {
    let sum = 0
    vectors.forEach((u, j) => {
      if (j !== i)
        sum += cosine(v, u) * (j > i ? 1 : w.backward)
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
function withoutDateline(text: string, source: string | undefined): string {
  if (!source)
    return text
  const prefix = new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:—–-]\\s+(?=\\p{Lu})`, 'u')
  return text.replace(prefix, '')
}

/** The digest summary (at most 2 whole sentences, 320 characters) and a teaser (140). */
export function summarize(paragraphs: string[], title?: string, source?: string): ArticleSummary {
  const units = sentenceUnits(paragraphs).map(unit => withoutDateline(unit, source))
  const chosen = extract(units, { maxSentences: DIGEST_SENTENCES, maxChars: MAX_SUMMARY, title })
  // no whole sentence fits: cut the lead at a word boundary
  const text = chosen.length > 0 ? chosen.map(s => s.text).join(' ') : balance(clip(units[0] ?? '', MAX_SUMMARY - 2))
  const teaserSource = chosen[0]?.text ?? units[0] ?? ''
  return { text, teaser: teaserSource.length <= MAX_TEASER ? teaserSource : balance(clip(teaserSource, MAX_TEASER - 2)) }
}
