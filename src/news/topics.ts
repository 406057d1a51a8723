// Topic tagging against the bilingual taxonomy (seeds/topics.json): names,
// aliases and keywords are matched on Snowball stems, in either language, with
// title and lead weighing more than the rest; a topic needs enough weight that a
// passing mention is not a tag.
import snowball from 'snowball-stemmers'
import { withoutDateline, words } from '#root/news/text.js'

export interface TopicTerms {
  slug: string
  nameEn: string
  nameRu: string
  aliasesEn: string[]
  aliasesRu: string[]
  keywordsEn: string[]
  keywordsRu: string[]
}

export interface TopicMatch {
  slug: string
  score: number
}

interface Term {
  slug: string
  /** stems, or exact upper-case tokens for acronyms */
  parts: string[]
  exact: boolean
  /** whether its stems also match longer stems they begin: names ("Kazakh" ~ "Kazakhstan") and Russian words, not English common words ("media" !~ "mediation") */
  prefix: boolean
  weight: number
}

const WEIGHTS = { title: 3, lead: 2, body: 1 }
const NAME_WEIGHT = 1
const KEYWORD_WEIGHT = 0.5
/**
 * A named topic (a country, a movement: its aliases are proper names) is tagged
 * on one mention in the text; a theme (security, trade...) needs its name in the
 * lead or more than one word of its field. Chosen on the page evaluation set
 * (docs/BENCHMARKS.md), not on one example.
 */
export const TOPIC_THRESHOLD = { named: 1, theme: 1.5 }
/** stems at least this long may also match longer stems they begin ("казахста" ~ "казахстанск") */
const PREFIX_MIN = 4

const stemmers = { en: snowball.newStemmer('english'), ru: snowball.newStemmer('russian') }

// Stemming dominates the pipeline's cost and news reuses its words: memoise.
const stemCache = new Map<string, string>()
const STEM_CACHE_MAX = 200_000

export function stem(word: string): string {
  const cached = stemCache.get(word)
  if (cached !== undefined)
    return cached
  const lower = word.toLowerCase().replace(/['’]s$/u, '').replace(/ё/gu, 'е')
  const result = /\p{Script=Cyrillic}/u.test(lower) ? stemmers.ru.stem(lower) : stemmers.en.stem(lower)
  if (stemCache.size >= STEM_CACHE_MAX)
    stemCache.clear()
  stemCache.set(word, result)
  return result
}

// "US", "UN", "РФ", "U.S.": upper-case acronyms match only as written, so that
// "US" is not the pronoun "us".
function isAcronym(term: string): boolean {
  const letters = term.replace(/[^\p{L}]/gu, '')
  return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && !term.includes(' ')
}

function compile(topic: TopicTerms): Term[] {
  const names = [topic.nameEn, topic.nameRu, ...topic.aliasesEn, ...topic.aliasesRu]
  const keywords = [...topic.keywordsEn, ...topic.keywordsRu]
  const term = (text: string, weight: number): Term => isAcronym(text)
    ? { slug: topic.slug, parts: [words(text).join('.')], exact: true, prefix: false, weight }
    : { slug: topic.slug, parts: words(text).map(stem), exact: false, prefix: /^\p{Lu}|\p{Script=Cyrillic}/u.test(text), weight }
  return [...names.map(n => term(n, NAME_WEIGHT)), ...keywords.map(k => term(k, KEYWORD_WEIGHT))]
    .filter(t => t.parts.length > 0 && t.parts.every(p => p.length > 0))
}

function partMatches(term: Term, part: string, stemmed: string, raw: string): boolean {
  if (term.exact)
    return raw === part
  return stemmed === part || (term.prefix && part.length >= PREFIX_MIN && stemmed.startsWith(part))
}

export function createTopicMatcher(topics: TopicTerms[]) {
  const terms = topics.flatMap(compile)
  // a topic whose English aliases are proper names is a named one (a country, the Taliban)
  const named = new Set(topics.filter(t => t.aliasesEn.some(a => /^\p{Lu}/u.test(a))).map(t => t.slug))
  const termNames = new Set(terms.filter(t => !t.exact).map(t => t.parts.join(' ')))
  // index by the first part's leading characters to keep matching linear-ish
  const byFirst = new Map<string, Term[]>()
  for (const term of terms) {
    const key = term.exact ? `=${term.parts[0]}` : term.parts[0]!.slice(0, 3)
    byFirst.set(key, [...byFirst.get(key) ?? [], term])
  }

  /** The terms starting at word i, each topic at its best weight. */
  function matchAt(raws: string[], stems: string[], i: number, best: Map<string, number>): void {
    const raw = raws[i]!.replace(/\.$/u, '')
    for (const candidates of [byFirst.get(stems[i]!.slice(0, 3)), byFirst.get(`=${raw}`)]) {
      for (const term of candidates ?? []) {
        let matched = true
        for (let k = 0; k < term.parts.length && matched; k++) {
          const j = i + k
          matched = j < raws.length && partMatches(term, term.parts[k]!, stems[j]!, raws[j]!.replace(/\.$/u, ''))
        }
        if (matched)
          best.set(term.slug, Math.max(best.get(term.slug) ?? 0, term.weight))
      }
    }
  }

  function scan(text: string, weight: number, scores: Map<string, number>): void {
    const raws = words(text)
    const stems = raws.map(stem)
    const best = new Map<string, number>()
    for (let i = 0; i < raws.length; i++) {
      // one mention counts once per topic, at its best weight ("Kazakh" and
      // "Kazakhstan" both match the word "Kazakhstan")
      best.clear()
      matchAt(raws, stems, i, best)
      // "China-Kyrgyzstan-Uzbekistan", "казахско-кыргызской": each part names its topic too
      if (raws[i]!.includes('-')) {
        const parts = raws[i]!.split('-').filter(part => part.length > 1)
        const partStems = parts.map(stem)
        for (let k = 0; parts.length > 1 && k < parts.length; k++)
          matchAt(parts, partStems, k, best)
      }
      for (const [slug, w] of best)
        scores.set(slug, (scores.get(slug) ?? 0) + w * weight)
    }
  }

  return {
    /** Topics whose weighted mentions reach their threshold, strongest first. */
    match(article: { title: string, paragraphs: string[] }): TopicMatch[] {
      const scores = new Map<string, number>()
      scan(article.title, WEIGHTS.title, scores)
      article.paragraphs.forEach((paragraph, i) => i === 0 ? scan(withoutDateline(paragraph), WEIGHTS.lead, scores) : scan(paragraph, WEIGHTS.body, scores))
      return [...scores.entries()]
        .filter(([slug, score]) => score >= (named.has(slug) ? TOPIC_THRESHOLD.named : TOPIC_THRESHOLD.theme))
        .map(([slug, score]) => ({ slug, score }))
        .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    },

    /** Whether `text` is, as a whole, one of the topics' names or words ("Afghanistan", "Economy"): a rubric. */
    isTopicName: (text: string): boolean => termNames.has(words(text).map(stem).join(' ')),
  }
}

export type TopicMatcher = ReturnType<typeof createTopicMatcher>
