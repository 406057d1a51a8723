// Stopword lists (stopwords-iso) for English and Russian.
import { createRequire } from 'node:module'

const lists = createRequire(import.meta.url)('stopwords-iso') as Record<'en' | 'ru', string[]>

export const STOPWORDS = {
  en: new Set(lists.en),
  ru: new Set(lists.ru),
  any: new Set([...lists.en, ...lists.ru]),
}
