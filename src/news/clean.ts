// Boilerplate removal in the spirit of jusText (Pomikálek 2011): every line of a
// scraped page is a block, classified by length, stopword density, sentence
// punctuation, script and cue phrases (cues.ts); short and borderline blocks then
// take the class of their neighbours. The body is the good blocks, in order; the
// header (lines before the first good block) holds the title, date and source.
//
// Every pass is linear in the page: regular expressions are anchored or run on
// bounded slices, and neighbours are found by one scan each way, not per block.
import { hasFootnoteMark, isCaption, isFootnote, isFurniture, isMenu, markMenu } from '#root/news/cues.js'
import { STOPWORDS } from '#root/news/stopwords.js'
import { scriptShares, words } from '#root/news/text.js'

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
  /** index of the first body line (-1 when there is none) and one past the last */
  bodyStart: number
  bodyEnd: number
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
/** a short line is prose when it is a whole sentence of at least this many words */
const MIN_SENTENCE_WORDS = 5
/** the function-word share is measured on common words when a line has this many */
const MIN_COMMON_WORDS = 4
/** a phone number makes a contact line of a short line, not of a paragraph */
const MAX_CONTACT_LINE = 200
/** a line is classified by its first this many characters (a paragraph is far shorter; a longer line says no more) */
const CLASSIFY_SPAN = 20_000

const SENTENCE_END = /[.!?…:;]['"»”’)\]]*$/u
const FULL_STOP = /[.!?…]['"»”’)\]]*$/u
const PHONE = /(?:\+|\b00)\d[\d\s()-]{7,}\d/u
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/iu
const TIME_OR_DATE_ONLY = /^[\d\s:.,/-]+$/u

// Headings after which nothing belongs to the article (comment threads, other headlines).
const TERMINATOR = /^(?:comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave a (?:comment|reply)|start the conversation|latest(?: news)?|most (?:read|popular|viewed)|popular|trending|more (?:news|stories)|more from [^|]{1,40}|you may (?:also )?like|news reports|related (?:posts|stories|articles)|комментари[иея](?:\s*\(\d+\))?|\d+\s+комментари\p{L}*|последние новости|самое (?:читаемое|популярное)|популярное|другие новости(?: раздела)?|новости по теме|ещё по теме|еще по теме|оставьте комментарий)$/iu

/** Sentence punctuation at the end of a line (looked for in its last characters only). */
const endsLike = (pattern: RegExp, text: string) => pattern.test(text.length > 40 ? text.slice(-40) : text)

/**
 * The share of function words among the line's common words: names, acronyms
 * and figures ("НИАТ «Ховар»", "ГКНБ", "19.05.2014") are left out, so that a
 * sentence is not taken for a list because it names an agency or a place.
 * A line of hardly any common words (a headline in Title Case) is measured whole.
 */
function stopwordDensity(all: string[], profile: Profile): number {
  if (all.length === 0)
    return 0
  const common = all.filter((word, i) => {
    const first = word.charAt(0)
    // a figure, or a capital after the first word (a name)
    return !(first >= '0' && first <= '9') && (i === 0 || first === first.toLowerCase())
  })
  const measured = common.length >= MIN_COMMON_WORDS ? common : all
  return measured.filter(w => profile.stopwords.has(w.toLowerCase())).length / Math.max(measured.length, 1)
}

function classify(text: string, index: number, profile: Profile, footnotes: boolean): Block {
  const sample = text.length > CLASSIFY_SPAN ? text.slice(0, CLASSIFY_SPAN) : text
  const all = words(sample)
  const heading = !endsLike(SENTENCE_END, text) && all.length >= 2 && text.length <= 250
  const block = (cls: BlockClass, why: string): Block => ({ text, index, cls, heading, why })
  if (isFurniture(text) || isCaption(text) || isMenu(text) || (footnotes && isFootnote(text)))
    return block('bad', 'cue')
  if (text.length <= MAX_CONTACT_LINE && PHONE.test(text))
    return block('bad', 'phone')
  if (URL_ONLY.test(text) || TIME_OR_DATE_ONLY.test(text))
    return block('bad', 'not prose')
  if (scriptShares(sample).other > 0.3)
    return block('bad', 'script')
  const density = stopwordDensity(all, profile)
  if (text.length < LENGTH_LOW) {
    // a short whole sentence in plain prose ("People knew a rough winter was
    // coming.") is a paragraph candidate; a caption or a headline is not
    if (endsLike(FULL_STOP, text) && all.length >= MIN_SENTENCE_WORDS && density >= profile.high)
      return block('near-good', 'short sentence')
    return block('short', 'length')
  }
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
// Short and near-good blocks are looked past too: the neighbour that decides is
// the nearest good or bad one.
const decides = (block: Block) => block.why !== 'cue' && (block.cls === 'good' || block.cls === 'bad')

/**
 * One left-to-right pass that may change blocks in place: each block that
 * `applies` gets a new class from its nearest deciding neighbours, the left one
 * as already revised in this pass and the right one as it was before (the same
 * as re-scanning each time, in linear time).
 */
function revisePass(blocks: Block[], applies: (block: Block, i: number) => boolean, revise: (block: Block, prev: BlockClass, next: BlockClass) => void): void {
  const next: BlockClass[] = Array.from({ length: blocks.length })
  let right: BlockClass = 'bad'
  for (let i = blocks.length - 1; i >= 0; i--) {
    next[i] = right
    if (decides(blocks[i]!))
      right = blocks[i]!.cls
  }
  let left: BlockClass = 'bad'
  blocks.forEach((block, i) => {
    if (applies(block, i))
      revise(block, left, next[i]!)
    if (decides(block))
      left = block.cls
  })
}

// Prose that merely lacks function words ("long" here), in a run between good
// blocks, is body text too (lists of names and figures, official Russian prose).
const isDenseProse = (block: Block) => block.cls === 'bad' && block.why === 'stopwords' && block.text.length >= 100

function reviseDenseProse(blocks: Block[]): void {
  let runStart = -1
  let leftGood = false
  blocks.forEach((block, i) => {
    const passable = isDenseProse(block) || block.cls === 'near-good' || block.cls === 'short' || block.why === 'cue'
    if (passable) {
      if (runStart === -1)
        runStart = i
      return
    }
    if (runStart !== -1 && leftGood && block.cls === 'good') {
      for (const inner of blocks.slice(runStart, i)) {
        if (isDenseProse(inner))
          inner.cls = 'near-good'
      }
    }
    runStart = -1
    leftGood = block.cls === 'good'
  })
}

// jusText's context-sensitive pass: short and near-good blocks between good
// blocks are good; between bad ones, bad.
function reviseByContext(blocks: Block[]): void {
  // a heading shortly before good text is kept as a candidate
  for (const [i, block] of blocks.entries()) {
    if (!block.heading || block.cls === 'good' || block.why === 'cue')
      continue
    let distance = 0
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!
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
  reviseDenseProse(blocks)
  const original = blocks.map(b => b.cls)
  revisePass(blocks, (_, i) => original[i] === 'short', (block, prev, next) => {
    block.cls = prev === 'good' && next === 'good' ? 'good' : 'bad'
    block.why = 'context'
  })
  revisePass(blocks, block => block.cls === 'near-good', (block, prev, next) => {
    block.cls = prev === 'good' || next === 'good' ? 'good' : 'bad'
    block.why = 'context'
  })
}

/** The page's non-empty lines, whitespace collapsed; menus written with runs of spaces keep their items apart (" | "). */
export function pageLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n')
    .map(line => markMenu(line).replace(/[\s\u00A0\u200B]+/gu, ' ').trim())
    .filter(line => line.length > 0)
}

/** The lines that read as prose: what language identification should look at. */
export function proseSample(lines: string[]): string {
  const prose = lines.filter(l => l.length >= LENGTH_LOW && endsLike(SENTENCE_END, l))
  return (prose.length > 0 ? prose : lines).join('\n')
}

export function cleanPage(lines: string[], language: 'en' | 'ru' | undefined): CleanedPage {
  const profile = PROFILES[language ?? 'any']
  const footnotes = lines.some(hasFootnoteMark)
  const blocks = lines.map((line, i) => classify(line, i, profile, footnotes))
  // everything after a terminator heading (comments, "Latest" lists) is furniture,
  // once the article has begun
  const firstGood = blocks.findIndex(b => b.cls === 'good' || b.cls === 'near-good')
  const stop = firstGood === -1 ? -1 : blocks.findIndex((b, i) => i > firstGood && b.text.length <= 60 && TERMINATOR.test(b.text))
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
  const isBody = (b: Block) => b.cls === 'good' && !b.heading
  const bodyStart = blocks.findIndex(isBody)
  const bodyEnd = bodyStart === -1 ? -1 : blocks.findLastIndex(isBody) + 1
  const paragraphs = bodyStart === -1 ? [] : blocks.slice(bodyStart, bodyEnd).filter(isBody).map(b => b.text)
  const header = bodyStart === -1 ? lines : lines.slice(0, bodyStart)
  return { header, paragraphs, blocks, bodyStart, bodyEnd }
}
