import type { Language } from '#root/news/types.js'

// Minimal: the dominant script among letters. Cyrillic -> ru, Latin -> en.
export function detectLanguage(text: string): Language | undefined {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0
  if (cyrillic + latin < 20)
    return undefined
  return cyrillic > latin ? 'ru' : 'en'
}
