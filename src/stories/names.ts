// Names brought to one form across scripts: Mottaki, Моттаки and Muttaqi, or
// Zhaparov, Japarov and Жапарова, get the same key. A word is transliterated
// to Latin (the `transliteration` package), then reduced to a consonant
// skeleton: spellings of one sound fold together (zh/j/dzh, kh/h/g, q/k, ts/c/z/s,
// voiced and voiceless pairs), vowels go (transliterations disagree most on
// them), doubled letters collapse. A leading vowel stays as "a", so Aktau is
// "akt". Russian case endings that carry consonants (-ом, -ым, -ого, -их...) are
// removed first; a word that may end in one by itself (Рахим) keeps both keys.
import { transliterate } from 'transliteration'

/** Shorter skeletons say too little to match a name on. */
export const MIN_KEY_LENGTH = 3

// adjectives from names first (Шохинского района -> Шохин), then noun case endings
const RU_ADJECTIVE = /(?:ского|скому|ским|ском|ская|ской|скую|ские|ских|ский|ское|скими)$/u
const RU_ENDING = /(?:ого|его|ому|ему|ыми|ими|ами|ями|ым|им|ом|ем|ах|ях|ых|их)$/u
const CYRILLIC = /\p{Script=Cyrillic}/u

// longest first; applied left to right on lower-case ASCII
const FOLDS: Array<[RegExp, string]> = [
  [/shch|sch/g, 's'],
  [/dzh|dj/g, 'j'],
  [/zh/g, 'j'],
  [/kh|gh|g|h/g, 'h'],
  [/ch|tch/g, 'C'],
  [/sh/g, 's'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck|q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/ts|tz|z/g, 's'],
  [/x/g, 'ks'],
  [/[vw]/g, 'f'],
  [/d/g, 't'],
  [/b/g, 'p'],
]

const cache = new Map<string, string[]>()
const CACHE_MAX = 100_000

/** The loose key of one word already in lower-case Latin letters. */
export function skeleton(latin: string): string {
  let s = latin.replace(/[^a-z]/g, '')
  if (s.length === 0)
    return ''
  for (const [pattern, replacement] of FOLDS)
    s = s.replace(pattern, replacement)
  const first = /^[aeiouy]/.test(s) ? 'a' : s[0]!
  const rest = s.slice(1).replace(/[aeiouy]/g, '')
  return `${first}${rest}`.replace(/(.)\1+/g, '$1')
}

function toLatin(word: string): string {
  // ц as "ts" (Tselinograd) rather than the package's "c"
  return transliterate(word.replace(/ц/g, 'ts')).toLowerCase()
}

/**
 * Keys of a name-like word in either script (usually one; two when a Russian
 * ending may be part of the name). Words too short to tell apart get none.
 */
export function nameKeys(word: string): string[] {
  const cached = cache.get(word)
  if (cached)
    return cached
  const lower = word.toLowerCase().replace(/ё/g, 'е').replace(/['’`]s$/u, '')
  const forms = [lower]
  if (CYRILLIC.test(lower)) {
    const adjective = lower.replace(RU_ADJECTIVE, '')
    if (adjective !== lower && adjective.length >= 3)
      forms.splice(0, 1, adjective)
    else if (RU_ENDING.test(lower) && lower.length - 2 >= 3)
      forms.push(lower.replace(RU_ENDING, ''))
  }
  const keys = [...new Set(forms.map(form => skeleton(toLatin(form))))].filter(key => key.length >= MIN_KEY_LENGTH)
  if (cache.size >= CACHE_MAX)
    cache.clear()
  cache.set(word, keys)
  return keys
}

/** An acronym (ТАПИ, TAPI, ГКНБ) as its Latin letters, compared as written. */
export function acronymKey(word: string): string | undefined {
  const latin = toLatin(word).replace(/[^a-z0-9]/g, '')
  return latin.length >= 2 ? latin : undefined
}
