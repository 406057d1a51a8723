// Splits scraped page text into the header (short lines before the body: title,
// date, source) and the body paragraphs. Minimal: a paragraph is a line that reads
// as prose (long enough, ends like a sentence); everything after the last one goes.

export interface CleanedPage {
  header: string[]
  paragraphs: string[]
}

const SENTENCE_END = /[.!?…"»”)]$/u
const MIN_PARAGRAPH = 60

function isProse(line: string): boolean {
  return line.length >= MIN_PARAGRAPH && SENTENCE_END.test(line) && line.split(/\s+/).length >= 8
}

export function cleanPage(text: string): CleanedPage {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(l => l.replace(/\s+/g, ' ').trim()).filter(Boolean)
  const first = lines.findIndex(isProse)
  if (first === -1)
    return { header: lines, paragraphs: [] }
  const paragraphs: string[] = []
  for (const line of lines.slice(first)) {
    if (isProse(line))
      paragraphs.push(line)
    else if (paragraphs.length > 0 && line.length < MIN_PARAGRAPH)
      break
  }
  return { header: lines.slice(0, first), paragraphs }
}
