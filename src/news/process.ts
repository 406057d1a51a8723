// The pure part of the pipeline: input -> clean, dated, tagged, summarised article,
// or the reason it is refused. No I/O: ingest.ts adds dedup, translation and storage.
import { cleanPage, pageLines, proseSample } from '#root/news/clean.js'
import { findPublicationDate } from '#root/news/dates.js'
import { contentHash, minHash } from '#root/news/fingerprint.js'
import { detectLanguage } from '#root/news/language.js'
import { readLayout } from '#root/news/layout.js'
import { headlineFromLead, MAX_HEADLINE } from '#root/news/metadata.js'
import { findSource } from '#root/news/source.js'
import { summarize } from '#root/news/summarize.js'
import { clip, tokens } from '#root/news/text.js'
import type { TopicMatcher } from '#root/news/topics.js'
import type { ArticleInput, ProcessedArticle, Rejection } from '#root/news/types.js'

const MIN_LETTERS = 20
/** Far above any news article (~30,000 words); a longer text is refused before any work on it. */
export const MAX_TEXT_CHARACTERS = 300_000

export type ProcessResult = { ok: true, article: ProcessedArticle } | { ok: false, rejection: Rejection }

export interface ProcessOptions {
  topics?: TopicMatcher
  now?: Date
}

export function processArticle(input: ArticleInput, options: ProcessOptions = {}): ProcessResult {
  if (input.text.length > MAX_TEXT_CHARACTERS) {
    const limit = MAX_TEXT_CHARACTERS.toLocaleString('en')
    return { ok: false, rejection: { code: 'too-long', detail: `The text is longer than ${limit} characters`, maxCharacters: MAX_TEXT_CHARACTERS } }
  }
  const now = options.now ?? new Date()
  const lines = pageLines(input.text)
  if (lines.join('').replace(/[^\p{L}]/gu, '').length < MIN_LETTERS)
    return { ok: false, rejection: { code: 'empty', detail: 'The input has no text' } }
  const guess = detectLanguage(proseSample(lines))
  if (!guess.ok) {
    return {
      ok: false,
      rejection: { code: 'language', detail: `The article is in ${guess.name.en}; only English and Russian are supported`, language: { code: guess.code, ...guess.name } },
    }
  }
  const { language } = guess
  const layout = readLayout(lines, cleanPage(lines, language), language, now)
  const { paragraphs } = layout
  const lead = paragraphs[0]
  if (lead === undefined)
    return { ok: false, rejection: { code: 'empty', detail: 'No article text was found (only navigation, lists or headlines)' } }
  const printed = input.title?.trim() || (layout.titleIndex >= 0 ? lines[layout.titleIndex] : undefined)
  // a printed headline is kept as printed; only one made from the lead is short
  const title = printed ? clip(printed, MAX_HEADLINE) : headlineFromLead(lead)
  const body = paragraphs.join('\n\n')
  const bodyTokens = tokens(body)
  const sourceName = input.sourceName
    ?? findSource(layout, language, { url: input.url, isTopicName: options.topics?.isTopicName }, now)
    ?? null
  return {
    ok: true,
    article: {
      title,
      body,
      language,
      sourceName,
      url: input.url ?? null,
      publishedAt: input.publishedAt ?? findPublicationDate(layout, language, now) ?? null,
      contentHash: contentHash(body, bodyTokens),
      fingerprint: minHash(body, bodyTokens),
      topics: options.topics?.match({ title, paragraphs }) ?? [],
      summary: summarize(paragraphs, title, sourceName ?? undefined, { titleFromLead: !printed }),
    },
  }
}
