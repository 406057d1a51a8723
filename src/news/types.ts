export type Language = 'en' | 'ru'
export const LANGUAGES: readonly Language[] = ['en', 'ru']

/** What arrives at the pipeline: page text plus whatever its container already told us. */
export interface ArticleInput {
  text: string
  url?: string
  sourceName?: string
  /** a title the input states outright (HTML meta, an admin's edit) */
  title?: string
  publishedAt?: Date
}

/** A web page as fetched or read from a file; its article is extracted in a worker thread. */
export interface HtmlInput {
  html: string
  url?: string
}

/** Anything the pipeline takes: text (with what its container told us) or an HTML page. */
export type PageInput = ArticleInput | HtmlInput

export interface ArticleSummary {
  text: string
  teaser: string
}

export interface TopicScore {
  slug: string
  score: number
}

/** A cleaned, dated, tagged article ready to store. */
export interface ProcessedArticle {
  title: string
  body: string
  language: Language
  sourceName: string | null
  url: string | null
  publishedAt: Date | null
  contentHash: string
  fingerprint: number[]
  topics: TopicScore[]
  summary: ArticleSummary
}

/** Why an input was not stored. `detail` is for logs and the CLI; the bot localises by `code`. */
export type Rejection =
  | { code: 'empty', detail: string }
  | { code: 'language', detail: string, language: { code: string, en: string, ru: string } }
  | { code: 'fetch', detail: string }
  | { code: 'unreadable', detail: string }
  | { code: 'too-long', detail: string, maxCharacters: number }
  /** processing went over its time or memory budget (absurdly nested or huge pages) */
  | { code: 'too-complex', detail: string }
