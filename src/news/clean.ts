// Boilerplate removal in the spirit of jusText (Pomikálek 2011): every line of a
// scraped page is a block, classified by length, stopword density, sentence
// punctuation, script and a few cue phrases; short and borderline blocks then
// take the class of their neighbours. The body is the good blocks, in order; the
// header (lines before the first good block) holds the title, date and source.
import { STOPWORDS } from '#root/news/stopwords.js'
import { scriptShares, tokens } from '#root/news/text.js'

export type BlockClass = 'good' | 'near-good' | 'short' | 'bad'

export interface Block {
  text: string
  index: number
  cls: BlockClass
  heading: boolean
  /** where a class came from, for debugging and tests */
  why: string
}

export interface CleanedPage {
  header: string[]
  paragraphs: string[]
  blocks: Block[]
}

// Russian news prose has far fewer function words than English (no articles), so
// each language has its own thresholds (English: jusText's defaults).
const PROFILES = {
  en: { stopwords: STOPWORDS.en, low: 0.22, high: 0.32 },
  ru: { stopwords: STOPWORDS.ru, low: 0.15, high: 0.25 },
  any: { stopwords: STOPWORDS.any, low: 0.15, high: 0.3 },
}
type Profile = typeof PROFILES.en

const LENGTH_LOW = 70
const LENGTH_HIGH = 140
const MAX_HEADING_DISTANCE = 200

const SENTENCE_END = /[.!?…:;]['"»”’)\]]*$/u
const PHONE = /(?:\+|\b00)\d[\d\s()-]{7,}\d/u
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/iu
const TIME_OR_DATE_ONLY = /^[\d\s:.,/-]+$/u

// Lines that are page furniture whatever their length.
const BOILERPLATE = new RegExp([
  String.raw`^(?:top|bottom) of page`, String.raw`^social media$`, String.raw`^follow us`, String.raw`^share(?: this)?\b`,
  String.raw`^(?:read|see) (?:also|more)\b`, String.raw`^related(?: articles| news| stories)?\b`, String.raw`^advertisement$`,
  String.raw`^(?:photo|image|picture|video|source|caption)\s*(?:by|credit)?\s*[:|©]`, String.raw`^(?:©|copyright\b)`,
  String.raw`^all rights reserved`, String.raw`^subscribe\b`, String.raw`^sign (?:in|up)\b`, String.raw`^log ?in\b`, String.raw`cookies?\b.*\b(?:accept|policy|consent)`,
  String.raw`^(?:•\s*)?(?:instagram|facebook|x|twitter|linkedin|youtube|tiktok|telegram|whatsapp|viber|vk|ok)$`,
  String.raw`^читайте (?:также|нас|по теме)`, String.raw`^смотрите (?:также|видео)`, String.raw`^подписывайтесь`, String.raw`^подпишитесь`,
  String.raw`^все новости`, String.raw`^авторизуйтесь`, String.raw`^войдите`, String.raw`^реклама$`, String.raw`^поделиться`,
  String.raw`^(?:фото|видео|источник|иллюстрация)\s*:`, String.raw`^свои вопросы`, String.raw`^присылайте`, String.raw`^новости партнеров`,
  String.raw`^по теме:?$`, String.raw`^материалы по теме`, String.raw`^(?:©|\(c\))`, String.raw`^все права защищены`,
].join('|'), 'iu')

// Headings after which nothing belongs to the article (comment threads, other headlines).
const TERMINATOR = /^(?:comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave a (?:comment|reply)|latest(?: news)?|most (?:read|popular)|more (?:news|stories)|news reports|you may also like|комментари[иея](?:\s*\(\d+\))?|\d+\s+комментари\p{L}*|последние новости|самое читаемое|популярное|другие новости|новости по теме|оставьте комментарий)$/iu

function stopwordDensity(words: string[], profile: Profile): number {
  if (words.length === 0)
    return 0
  return words.filter(w => profile.stopwords.has(w)).length / words.length
}

function classify(text: string, index: number, profile: Profile): Block {
  const words = tokens(text)
  const heading = !SENTENCE_END.test(text) && words.length >= 2 && text.length <= 250
  const block = (cls: BlockClass, why: string): Block => ({ text, index, cls, heading, why })
  if (BOILERPLATE.test(text))
    return block('bad', 'cue')
  if (PHONE.test(text))
    return block('bad', 'phone')
  if (URL_ONLY.test(text) || TIME_OR_DATE_ONLY.test(text))
    return block('bad', 'not prose')
  if (scriptShares(text).other > 0.3)
    return block('bad', 'script')
  if (text.length < LENGTH_LOW)
    return block('short', 'length')
  const density = stopwordDensity(words, profile)
  // a line without sentence punctuation is a heading or a link, not body text
  if (heading)
    return block(density >= profile.low ? 'short' : 'bad', 'heading')
  if (density >= profile.high)
    return block(text.length > LENGTH_HIGH ? 'good' : 'near-good', 'stopwords')
  if (density >= profile.low)
    return block('near-good', 'stopwords')
  return block('bad', 'stopwords')
}

// Captions, "Read also" links and share buttons sit inside articles: they do not
// break the run of body text around them, so neighbours are looked for past them.
function neighbour(blocks: Block[], from: number, step: 1 | -1, ignoreNearGood: boolean): BlockClass {
  for (let i = from + step; i >= 0 && i < blocks.length; i += step) {
    if (blocks[i]!.why === 'cue')
      continue
    const cls = blocks[i]!.cls
    if (cls === 'good' || cls === 'bad' || (cls === 'near-good' && !ignoreNearGood))
      return cls === 'near-good' ? 'near-good' : cls
  }
  return 'bad'
}

// jusText's context-sensitive pass: short and near-good blocks between good
// blocks are good; between bad ones, bad.
function reviseByContext(blocks: Block[]): void {
  // a heading shortly before good text is kept as a candidate
  for (const [i, block] of blocks.entries()) {
    if (!block.heading || block.cls === 'good' || block.why === 'cue')
      continue
    let distance = 0
    for (const next of blocks.slice(i + 1)) {
      if (next.cls === 'good') {
        if (block.cls === 'bad' && block.why === 'heading')
          block.cls = 'near-good'
        break
      }
      distance += next.text.length
      if (distance > MAX_HEADING_DISTANCE)
        break
    }
  }
  // prose that merely lacks function words, between good blocks, is body text
  // too (lists of names and figures); page furniture was marked by cue already
  for (const [i, block] of blocks.entries()) {
    if (block.cls === 'bad' && block.why === 'stopwords' && block.text.length >= 100
      && neighbour(blocks, i, -1, true) === 'good' && neighbour(blocks, i, 1, true) === 'good')
      block.cls = 'near-good'
  }
  const original = blocks.map(b => b.cls)
  for (const [i, block] of blocks.entries()) {
    if (original[i] !== 'short')
      continue
    const prev = neighbour(blocks, i, -1, true)
    const next = neighbour(blocks, i, 1, true)
    block.cls = prev === 'good' && next === 'good' ? 'good' : 'bad'
    block.why = 'context'
  }
  for (const [i, block] of blocks.entries()) {
    if (block.cls !== 'near-good')
      continue
    const prev = neighbour(blocks, i, -1, true)
    const next = neighbour(blocks, i, 1, true)
    block.cls = prev === 'good' || next === 'good' ? 'good' : 'bad'
    block.why = 'context'
  }
}

export function pageLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n')
    .map(line => line.replace(/[\s\u00A0\u200B]+/gu, ' ').trim())
    .filter(line => line.length > 0)
}

/** The lines that read as prose: what language identification should look at. */
export function proseSample(lines: string[]): string {
  const prose = lines.filter(l => l.length >= LENGTH_LOW && SENTENCE_END.test(l))
  return (prose.length > 0 ? prose : lines).join('\n')
}

export function cleanPage(lines: string[], language: 'en' | 'ru' | undefined): CleanedPage {
  const profile = PROFILES[language ?? 'any']
  const blocks = lines.map((line, i) => classify(line, i, profile))
  // everything after a terminator heading (comments, "Latest" lists) is furniture,
  // once the article has begun
  const firstGood = blocks.findIndex(b => b.cls === 'good' || b.cls === 'near-good')
  const stop = blocks.findIndex((b, i) => i > firstGood && firstGood !== -1 && TERMINATOR.test(b.text))
  if (stop !== -1) {
    for (const block of blocks.slice(stop)) {
      block.cls = 'bad'
      block.why = 'after terminator'
    }
  }
  const initial = blocks.map(b => b.cls)
  reviseByContext(blocks)
  // a brief made only of short paragraphs has no block long enough to anchor the
  // context rules: then the prose-like ones are the article
  if (!blocks.some(b => b.cls === 'good')) {
    blocks.forEach((block, i) => {
      if (initial[i] === 'near-good') {
        block.cls = 'good'
        block.why = 'brief'
      }
    })
  }
  const bodyStart = blocks.findIndex(b => b.cls === 'good' && !b.heading)
  const paragraphs = blocks.filter((b, i) => b.cls === 'good' && i >= bodyStart && !b.heading).map(b => b.text)
  const header = bodyStart === -1 ? lines : lines.slice(0, bodyStart)
  return { header, paragraphs, blocks }
}
