// Summary quality: ROUGE-1/2/L of ours, Lead-3 and published npm summarisers
// (lexrank, node-summarizer: frequency and TextRank) on ../shared/eval, with the
// time each takes. Both the 3-sentence setting (comparable with Lead-3) and the
// digest setting (2 sentences, 320 characters) are reported.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { headlineFromLead } from '#root/news/metadata.js'
import { extract, sentenceUnits, summarize } from '#root/news/summarize.js'
import { splitSentences } from '#root/news/text.js'
import { rouge, type RougeScores } from './rouge.js'

// Loaded on first use: lexrank's dependencies add dozens of methods to
// Array.prototype, which breaks other code (Prisma's schema engine) in the same process.
const require = createRequire(import.meta.url)
type Lexrank = { summarize: (text: string, n: number, cb: (err: unknown, lines: Array<{ text: string, index: number }>) => void) => void }
type NodeSummarizer = { SummarizerManager: new (text: string, n: number) => { getSummaryByFrequency: () => { summary: string }, getSummaryByRank: () => Promise<{ summary: string }> } }
const lexrank = () => require('lexrank') as Lexrank
const SummarizerManager = (text: string, n: number) => new (require('node-summarizer') as NodeSummarizer).SummarizerManager(text, n)

export interface EvalRow { id: string, lang: string, text: string, summary: string, title: string | null }

export function evalDir(): string {
  const candidates = [process.env.EVAL_DIR, resolve('../shared/eval'), resolve('../../shared/eval')].filter((d): d is string => Boolean(d))
  const dir = candidates.find(d => existsSync(join(d, 'summaries-en.jsonl')))
  if (!dir)
    throw new Error('Evaluation data not found: set EVAL_DIR to the shared eval folder')
  return dir
}

export function loadEval(file: string, limit = Infinity): EvalRow[] {
  return readFileSync(join(evalDir(), file), 'utf8').trim().split('\n').slice(0, limit).map(line => JSON.parse(line) as EvalRow)
}

type Method = (row: EvalRow, sentences: number) => Promise<string> | string

function paragraphsOf(text: string): string[] {
  return text.split(/\n+/).map(p => p.trim()).filter(Boolean)
}

export const METHODS: Record<string, Method> = {
  'lead': (row, n) => splitSentences(row.text).slice(0, n).join(' '),
  'ours': (row, n) => extract(sentenceUnits(paragraphsOf(row.text)), { maxSentences: n, title: row.title ?? undefined }).map(s => s.text).join(' '),
  'lexrank': (row, n) => new Promise((ok, fail) => lexrank().summarize(row.text, n, (err, lines) => err ? fail(new Error(`lexrank failed: ${JSON.stringify(err)}`)) : ok([...lines].sort((a, b) => a.index - b.index).map(l => l.text).join(' ')))),
  'node-summarizer (frequency)': (row, n) => SummarizerManager(row.text, n).getSummaryByFrequency().summary,
  'node-summarizer (textrank)': async (row, n) => (await SummarizerManager(row.text, n).getSummaryByRank()).summary,
}

export interface Result { method: string, scores: RougeScores, msPerDoc: number, words: number, failures: number }

/**
 * `untitled`: ours in the digest setting for a page that prints no headline: the
 * headline is made from the lead, and the summary leaves that sentence to it.
 */
export async function evaluate(rows: EvalRow[], method: string, sentences: number, digest = false, untitled = false): Promise<Result> {
  const run = METHODS[method]!
  const total: RougeScores = { r1: 0, r2: 0, rl: 0 }
  let ms = 0
  let words = 0
  let failures = 0
  for (const row of rows) {
    const started = performance.now()
    let candidate = ''
    try {
      const paragraphs = paragraphsOf(row.text)
      candidate = digest && method === 'ours'
        ? (untitled
            ? summarize(paragraphs, headlineFromLead(paragraphs[0] ?? ''), undefined, { titleFromLead: true }).text
            : summarize(paragraphs, row.title ?? undefined).text)
        : await run(row, sentences)
    }
    catch {
      failures++
    }
    // a summariser that returns no text for an article fails it
    if (typeof candidate !== 'string') {
      failures++
      candidate = ''
    }
    if (digest && method !== 'ours')
      candidate = fitDigest(candidate)
    ms += performance.now() - started
    const reference = row.summary.split('\n').join(' ')
    const s = rouge(candidate, reference)
    total.r1 += s.r1
    total.r2 += s.r2
    total.rl += s.rl
    words += candidate.split(/\s+/).filter(Boolean).length
  }
  const n = rows.length
  return { method, scores: { r1: 100 * total.r1 / n, r2: 100 * total.r2 / n, rl: 100 * total.rl / n }, msPerDoc: ms / n, words: words / n, failures }
}

/** The digest limits applied to another method's output: whole sentences within 320 characters. */
function fitDigest(text: string): string {
  let out = ''
  for (const sentence of splitSentences(text).slice(0, 2)) {
    const next = out ? `${out} ${sentence}` : sentence
    if (next.length > 320)
      break
    out = next
  }
  return out
}
