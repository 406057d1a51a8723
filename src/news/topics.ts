// Topic tagging against the bilingual taxonomy (seeds/topics.json): names,
// aliases and keywords are matched on Snowball stems, in either language, with
// title and lead weighing more than the rest; a topic needs enough weight that a
// passing mention is not a tag.
import snowball from 'snowball-stemmers'
import { words } from '#root/news/text.js'

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
  weight: number
}

const WEIGHTS = { title: 3, lead: 2, body: 1 }
const NAME_WEIGHT = 1
const KEYWORD_WEIGHT = 0.5
/** e.g. a mention in the title, or in the lead and once more, or three in the body */
export const TOPIC_THRESHOLD = 3
/** stems at least this long also match longer stems they begin ("казахста" ~ "казахстанск") */
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
    ? { slug: topic.slug, parts: [words(text).join('.')], exact: true, weight }
    : { slug: topic.slug, parts: words(text).map(stem), exact: false, weight }
  return [...names.map(n => term(n, NAME_WEIGHT)), ...keywords.map(k => term(k, KEYWORD_WEIGHT))]
    .filter(t => t.parts.length > 0 && t.parts.every(p => p.length > 0))
}

function partMatches(part: string, stemmed: string, raw: string, exact: boolean): boolean {
  if (exact)
    return raw === part
  return stemmed === part || (part.length >= PREFIX_MIN && stemmed.startsWith(part))
}

export function createTopicMatcher(topics: TopicTerms[]) {
  const terms = topics.flatMap(compile)
  // index by the first part's leading characters to keep matching linear-ish
  const byFirst = new Map<string, Term[]>()
  for (const term of terms) {
    const key = term.exact ? `=${term.parts[0]}` : term.parts[0]!.slice(0, 3)
    byFirst.set(key, [...byFirst.get(key) ?? [], term])
  }

  function scan(text: string, weight: number, scores: Map<string, number>): void {
    const raws = words(text)
    const stems = raws.map(stem)
    const best = new Map<string, number>()
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i]!.replace(/\.$/u, '')
      const byStem = byFirst.get(stems[i]!.slice(0, 3))
      const byRaw = byFirst.get(`=${raw}`)
      if (!byStem && !byRaw)
        continue
      // one mention counts once per topic, at its best weight ("Kazakh" and
      // "Kazakhstan" both match the word "Kazakhstan")
      best.clear()
      for (const candidates of [byStem, byRaw]) {
        for (const term of candidates ?? []) {
          let matched = true
          for (let k = 0; k < term.parts.length && matched; k++) {
            const j = i + k
            matched = j < raws.length && partMatches(term.parts[k]!, stems[j]!, k === 0 ? raw : raws[j]!.replace(/\.$/u, ''), term.exact)
          }
          if (matched)
            best.set(term.slug, Math.max(best.get(term.slug) ?? 0, term.weight))
        }
      }
      for (const [slug, w] of best)
        scores.set(slug, (scores.get(slug) ?? 0) + w * weight)
    }
  }

  return {
    /** Topics whose weighted mentions reach the threshold, strongest first. */
    match(article: { title: string, paragraphs: string[] }): TopicMatch[] {
      const scores = new Map<string, number>()
      scan(article.title, WEIGHTS.title, scores)
      article.paragraphs.forEach((paragraph, i) => scan(paragraph, i === 0 ? WEIGHTS.lead : WEIGHTS.body, scores))
      return [...scores.entries()]
        .filter(([, score]) => score >= TOPIC_THRESHOLD)
        .map(([slug, score]) => ({ slug, score }))
        .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    },
  }
}

export type TopicMatcher = ReturnType<typeof createTopicMatcher>
