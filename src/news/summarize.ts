import type { ArticleSummary } from '#root/news/types.js'

const MAX_SUMMARY = 320
const MAX_TEASER = 140

// Not after initials and abbreviations such as "U.S." or "A. Smith".
const SENTENCE_BREAK = /(?<=[.!?…]["»”]?)(?<!(?:^|[\s.])\p{Lu}\.)\s+(?=[\p{Lu}"«“])/u

export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_BREAK).map(s => s.trim()).filter(Boolean)
}

function clip(text: string, max: number): string {
  if (text.length <= max)
    return text
  return `${text.slice(0, max - 1).replace(/\s+\S*$/u, '')}…`
}

/** Minimal extractive summary: the lead's first whole sentences within the limits. */
export function summarize(paragraphs: string[]): ArticleSummary {
  const sentences = splitSentences(paragraphs.join(' '))
  let text = ''
  for (const sentence of sentences.slice(0, 2)) {
    const next = text ? `${text} ${sentence}` : sentence
    if (next.length > MAX_SUMMARY)
      break
    text = next
  }
  if (!text)
    text = clip(sentences[0] ?? '', MAX_SUMMARY)
  return { text, teaser: clip(sentences[0] ?? text, MAX_TEASER) }
}
