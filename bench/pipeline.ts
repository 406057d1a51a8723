// Pipeline throughput: processArticle alone (one core, no database), and the
// whole ingest with PostgreSQL (dedup queries, insert of article, summary, topics).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { type Ingest, ingestInOrder } from '#root/news/ingest.js'
import type { PageWorkers } from '#root/news/page-workers.js'
import { processArticle } from '#root/news/process.js'
import { processPage } from '#root/news/process-page.js'
import { createTopicMatcher, type TopicTerms } from '#root/news/topics.js'
import { SEEDS_DIR } from '#root/news/seed.js'
import { hostilePages } from '../tests/helpers/hostile-pages.js'
import { evalDir, loadEval } from './summary-quality.js'

const HEADER = ['top of page', 'Social Media', '%TITLE%', 'March 3, 2025', 'Bench News']
const FOOTER = ['Latest', 'Another headline about something else entirely', 'Oct 15, 2024', 'Follow us', '• Instagram', '• Facebook', 'bottom of page']

/** 5 kB scraped-page texts in the seeds' raw style, built from the evaluation articles (never stored). */
export function benchArticles(count: number): string[] {
  const rows = [...loadEval('summaries-en.jsonl'), ...loadEval('summaries-en-xsum.jsonl'), ...loadEval('summaries-ru.jsonl')]
  const pages: string[] = []
  for (let i = 0; pages.length < count; i++) {
    const row = rows[i % rows.length]!
    let body = row.text
    while (body.length < 4400)
      body += ` ${row.text}`
    const sentences = body.slice(0, 4400).split(/(?<=[.!?])\s+/)
    const paragraphs: string[] = []
    for (let k = 0; k < sentences.length; k += 3)
      paragraphs.push(sentences.slice(k, k + 3).join(' '))
    // the first 532 are distinct articles (the database run stores each); later ones repeat
    const title = row.title ?? sentences[0]?.slice(0, 80) ?? 'Untitled'
    pages.push([...HEADER.map(l => l.replace('%TITLE%', title)), ...paragraphs, ...FOOTER].join('\n\n'))
  }
  return pages
}

export function topicTerms(): TopicTerms[] {
  return JSON.parse(readFileSync(join(SEEDS_DIR, 'topics.json'), 'utf8')) as TopicTerms[]
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

export interface Throughput { articles: number, meanBytes: number, perSecond: number, p50: number, p99: number }

/** Three passes over the pages after a warm-up pass; the figures of the median pass. */
export function benchProcess(pages: string[]): Throughput & { passes: number[], perCpuSecond: number } {
  const topics = createTopicMatcher(topicTerms())
  for (const page of pages)
    processArticle({ text: page }, { topics })
  const passes: Array<{ perSecond: number, perCpuSecond: number, times: number[] }> = []
  for (let pass = 0; pass < 3; pass++) {
    const times: number[] = []
    const started = performance.now()
    const cpu = process.cpuUsage()
    for (const page of pages) {
      const t = performance.now()
      processArticle({ text: page }, { topics })
      times.push(performance.now() - t)
    }
    const used = process.cpuUsage(cpu)
    passes.push({
      perSecond: pages.length / ((performance.now() - started) / 1000),
      // CPU time this process got: unlike wall time, not inflated when a shared machine's other tenants take the core
      perCpuSecond: pages.length / ((used.user + used.system) / 1e6),
      times: times.sort((a, b) => a - b),
    })
  }
  const median = [...passes].sort((a, b) => a.perSecond - b.perSecond)[1]!
  return {
    articles: pages.length,
    meanBytes: pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / pages.length,
    perSecond: median.perSecond,
    p50: quantile(median.times, 0.5),
    p99: quantile(median.times, 0.99),
    passes: passes.map(p => p.perSecond),
    perCpuSecond: median.perCpuSecond,
  }
}

/** The whole ingest as `npm run ingest` runs it: processing overlapped with the previous article's database work. */
export async function benchIngest(ingest: Ingest, pages: string[]): Promise<{ articles: number, stored: number, perSecond: number }> {
  let stored = 0
  const started = performance.now()
  await ingestInOrder(ingest, pages, page => Promise.resolve({ text: page }), (_, result) => {
    if (result.status === 'stored')
      stored++
  })
  return { articles: pages.length, stored, perSecond: pages.length / ((performance.now() - started) / 1000) }
}

export { evalDir }

/** The pipeline in this thread, as it ran before page workers: the baseline they are measured against. */
export function inThreadPages(): Pick<PageWorkers, 'processor'> {
  return {
    processor(topics) {
      const matcher = createTopicMatcher(topics)
      return (page, now) => Promise.resolve(processPage(page, { topics: matcher, now }))
    },
  }
}

/** Pages through the workers one at a time (as ingest sends them) and all at once. */
export async function benchWorkers(workers: PageWorkers, pages: string[]): Promise<{ sequential: number, concurrent: number, threads: number }> {
  const processPage = workers.processor(topicTerms())
  const now = new Date()
  // warm-up: the threads start, compile and fill their caches
  await Promise.all(pages.slice(0, 100).map(page => processPage({ text: page }, now)))
  let started = performance.now()
  for (const page of pages)
    await processPage({ text: page }, now)
  const sequential = pages.length / ((performance.now() - started) / 1000)
  started = performance.now()
  await Promise.all(pages.map(page => processPage({ text: page }, now)))
  const concurrent = pages.length / ((performance.now() - started) / 1000)
  return { sequential, concurrent, threads: 2 }
}

export interface HostileRun { name: string, bytes: number, ms: number, outcome: string, maxLagMs: number }

/** The pages of issue 9 through the workers (already warm): time to an answer and the event loop's worst delay meanwhile. */
export async function benchHostileInWorkers(workers: PageWorkers): Promise<HostileRun[]> {
  const processPage = workers.processor(topicTerms())
  await processPage({ text: benchArticles(1)[0]! }, new Date())
  const runs: HostileRun[] = []
  for (const [name, page] of Object.entries(hostilePages())) {
    const lag = monitorEventLoopDelay({ resolution: 10 })
    lag.enable()
    const started = performance.now()
    const result = await processPage(page, new Date())
    const ms = performance.now() - started
    lag.disable()
    const bytes = Buffer.byteLength('html' in page ? page.html : page.text)
    runs.push({ name, bytes, ms, outcome: result.ok ? 'processed' : `refused (${result.rejection.code})`, maxLagMs: lag.max / 1e6 })
  }
  return runs
}
