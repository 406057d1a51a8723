// Language identification with franc (trigram model over 187 languages): only
// English and Russian articles are accepted; anything else is named in the refusal.
import { francAll } from 'franc'
import { scriptShares } from '#root/news/text.js'
import type { Language } from '#root/news/types.js'

export type LanguageGuess =
  | { ok: true, language: Language }
  | { ok: false, code: string, name: { en: string, ru: string } }

const SUPPORTED: Record<string, Language> = { eng: 'en', rus: 'ru' }
// The languages compared: ours, the region's and the world's most written ones.
// Comparing against all 187 of franc's models costs 3 ms an article for nothing.
const CANDIDATES = [
  'eng', 'rus', 'kaz', 'uzn', 'tgk', 'kir', 'tuk', 'tat', 'bak', 'aze', 'tur', 'pes', 'prs', 'pbu', 'urd', 'arb',
  'ukr', 'bel', 'bul', 'srp', 'mkd', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'pol', 'ces', 'ron', 'hun', 'swe',
  'sco', 'cym', 'ind', 'vie', 'cmn', 'jpn', 'kor', 'hin', 'ben',
]
// franc confuses close relatives on short samples (eng/sco, rus/bul/bos/srp);
// a supported language this close to the winner is taken instead.
const NEAR_TIE = 0.97
const MIN_LENGTH = 20

const names = {
  en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }),
  ru: new Intl.DisplayNames(['ru'], { type: 'language', fallback: 'code' }),
}

function nameOf(code: string): { en: string, ru: string } {
  const safe = (dn: Intl.DisplayNames) => {
    try {
      return dn.of(code) ?? code
    }
    catch {
      return code
    }
  }
  return code === 'und' ? { en: 'an unknown language', ru: 'неизвестном языке' } : { en: safe(names.en), ru: safe(names.ru) }
}

// Letters Russian never uses but its Cyrillic neighbours do (Kazakh, Ukrainian,
// Belarusian, Tajik, Kyrgyz...): their presence outvotes a near tie with Russian.
const NON_RUSSIAN_CYRILLIC = /[әғқңөұүһіїєґўҷӣӯ]/giu

// Russian's alphabet without the letters of any other Cyrillic language, and with
// ы or э, which Bulgarian lacks: such prose is Russian, no model needed.
const RUSSIAN_ONLY = /^[\p{P}\p{N}\p{Z}\p{S}\sа-яё]*$/iu
const RUSSIAN_MARKERS = /[ыэ]/iu

export function detectLanguage(text: string): LanguageGuess {
  const quick = text.slice(0, 2000)
  if (quick.length >= 200 && scriptShares(quick).cyrillic > 0.95 && RUSSIAN_MARKERS.test(quick) && RUSSIAN_ONLY.test(quick.replace(/\p{Script=Latin}/gu, '')))
    return { ok: true, language: 'ru' }
  // 500 characters of prose identify a language reliably (no error on the 562
  // English and Russian evaluation articles at 400); more only costs time
  const sample = text.slice(0, 500)
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_LENGTH)
    return { ok: false, code: 'und', name: nameOf('und') }
  const ranking = francAll(sample, { minLength: MIN_LENGTH, only: CANDIDATES })
  const [top] = ranking
  if (!top || top[0] === 'und')
    return { ok: false, code: 'und', name: nameOf('und') }
  if (SUPPORTED[top[0]])
    return { ok: true, language: SUPPORTED[top[0]]! }
  const foreignLetters = (sample.match(NON_RUSSIAN_CYRILLIC)?.length ?? 0) / sample.length
  const close = ranking.find(([code, score]) => SUPPORTED[code] && score >= NEAR_TIE)
  if (close && !(close[0] === 'rus' && foreignLetters > 0.002))
    return { ok: true, language: SUPPORTED[close[0]]! }
  return { ok: false, code: top[0], name: nameOf(top[0]) }
}
