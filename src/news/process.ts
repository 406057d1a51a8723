// The pure part of ingest: raw input -> a processed article, or the reason it is refused.
import { createHash } from 'node:crypto'
import { cleanPage } from '#root/news/clean.js'
import { detectLanguage } from '#root/news/language.js'
import { findDate, findSource, findTitle, headlineFromLead } from '#root/news/metadata.js'
import { summarize } from '#root/news/summarize.js'
import type { ArticleInput, ProcessedArticle } from '#root/news/types.js'

export type ProcessResult =
  | { ok: true, article: ProcessedArticle }
  | { ok: false, reason: 'empty' | 'language' }

/** sha256 of the body with case, punctuation and whitespace normalised away. */
export function contentHash(body: string): string {
  const normal = body.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return createHash('sha256').update(normal).digest('hex')
}

export function processArticle(input: ArticleInput): ProcessResult {
  const { header, paragraphs } = cleanPage(input.text)
  if (paragraphs.length === 0)
    return { ok: false, reason: 'empty' }
  const body = paragraphs.join('\n\n')
  const language = detectLanguage(body)
  if (!language)
    return { ok: false, reason: 'language' }
  const title = findTitle(header)
  return {
    ok: true,
    article: {
      title: title ?? headlineFromLead(paragraphs[0] ?? ''),
      body,
      language,
      sourceName: input.sourceName ?? findSource(header, title) ?? null,
      url: input.url ?? null,
      publishedAt: findDate(header) ?? null,
      contentHash: contentHash(body),
      summary: summarize(paragraphs),
    },
  }
}
