export type Language = 'en' | 'ru'

/** What arrives at the pipeline: scraped page text plus whatever is known about it. */
export interface ArticleInput {
  text: string
  url?: string
  sourceName?: string
}

export interface ArticleSummary {
  text: string
  teaser: string
}

/** A cleaned, dated article ready to store. */
export interface ProcessedArticle {
  title: string
  body: string
  language: Language
  sourceName: string | null
  url: string | null
  publishedAt: Date | null
  contentHash: string
  summary: ArticleSummary
}
