// Sources: 1,000 feeds of 20 items each on 50 local hosts (each answer delayed
// 50-200 ms) polled by a real poll-only process (`npm run sources -- poll`, as
// its script runs it): the first cycle (every item new, through the whole
// pipeline) beside the pipeline's own ingest rate in the same run; a steady
// cycle where every feed answers 304; the process's CPU and peak RSS.
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { parseConfig } from '#root/config.js'
import { createDatabase } from '#root/db/client.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createLogger } from '#root/logger.js'
import { createPageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { splitSentences } from '#root/news/text.js'
import { startNodeProcess, stopProcess } from '../tests/helpers/deliver-process.js'
import { FeedServer } from '../tests/helpers/feed-server.js'
import { escapeXml } from '../tests/helpers/feeds.js'
import { benchArticles, benchIngest } from './pipeline.js'
import { loadEval } from './summary-quality.js'

export interface SourcesBenchOptions {
  feeds: number
  itemsPerFeed: number
  hosts: number
}

interface Cycle {
  seconds: number
  cpuSeconds: number
  requests: number
}

/** Exactly what `npm run sources` runs (its V8 flags included), minus npm itself. */
function sourcesScriptArgs(): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.sources!
  const [command, ...args] = script.split(' ')
  if (command !== 'node')
    throw new Error(`package.json's sources script should start with node: ${script}`)
  return args
}

async function procStatus(pid: number): Promise<{ peakRssMb: number, cpuSeconds: number }> {
  const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')])
  // utime and stime, in clock ticks (100 a second on Linux), after the command name
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { peakRssMb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 }
}

/** Every sentence of the evaluation articles, by language. */
function sentencePools(): Record<'en' | 'ru', string[]> {
  const sentences = (rows: Array<{ text: string }>) => rows.flatMap(r => splitSentences(r.text.replace(/\s+/g, ' '))).filter(s => s.split(' ').length >= 6)
  return {
    en: sentences([...loadEval('summaries-en.jsonl'), ...loadEval('summaries-en-xsum.jsonl')]),
    ru: sentences(loadEval('summaries-ru.jsonl')),
  }
}

/**
 * Item `n`'s text, 1 in 10 Russian: ~4.4 kB of evaluation sentences, each with
 * its words in an order of the item's own (first and last word kept), so that
 * every item has the vocabulary, length and punctuation of news but word
 * shingles of its own: 20,000 distinct articles that are not near duplicates
 * of each other, as a real feed's are not (the 532 articles alone would be).
 */
function itemText(pools: Record<'en' | 'ru', string[]>, n: number): { title: string, paragraphs: string[] } {
  const language = n % 10 === 9 ? 'ru' : 'en'
  const pool = pools[language]
  let seed = n * 2_654_435_761 % 2 ** 32
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) % 2 ** 32
    return seed / 2 ** 32
  }
  const sentences: string[] = []
  for (let length = 0, i = Math.floor(random() * pool.length); length < 4400; i = (i + 1) % pool.length) {
    const words = pool[i]!.split(' ')
    const middle = words.slice(1, -1)
    for (let k = middle.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1))
      ;[middle[k], middle[j]] = [middle[j]!, middle[k]!]
    }
    const sentence = [words[0]!, ...middle, words.at(-1)!].join(' ')
    sentences.push(sentence)
    length += sentence.length + 1
  }
  const paragraphs: string[] = []
  for (let i = 0; i < sentences.length; i += 3)
    paragraphs.push(sentences.slice(i, i + 3).join(' '))
  return { title: `${sentences[0]!.split(' ').slice(0, 9).join(' ')} (${n})`, paragraphs }
}

function feedDocument(pools: Record<'en' | 'ru', string[]>, feed: number, items: number, base: string, now: number): string {
  const entries: string[] = []
  for (let i = 0; i < items; i++) {
    const n = feed * items + i
    const item = itemText(pools, n)
    entries.push(`<item><title>${escapeXml(item.title)}</title><link>${base}/story/${n}?utm_source=rss</link><guid isPermaLink="false">bench-${n}</guid>
<pubDate>${new Date(now - (i + 1) * 3_600_000).toUTCString()}</pubDate><description>${escapeXml(item.paragraphs[0]!)}</description>
<content:encoded><![CDATA[${item.paragraphs.map(p => `<p>${escapeXml(p)}</p>`).join('')}]]></content:encoded></item>`)
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench Outlet ${feed}</title><link>${base}/</link><description>News</description>
${entries.join('\n')}</channel></rss>`
}

export async function benchSources(url: string, options: SourcesBenchOptions): Promise<string[]> {
  const lines: string[] = []
  const db = createDatabase(url)
  const servers: FeedServer[] = []
  let child: ChildProcess | undefined
  // the pipeline's figure is measured through the page workers, as npm start runs it
  const workers = createPageWorkers()
  try {
    // the pipeline's own rate in this run (`npm run bench -- pipeline`'s "with database" figure),
    // before and after the first cycle: the machine is shared, its speed drifts
    const ingest = await createNewsPipeline({ repos: createRepositories(db), config: parseConfig({}), logger: createLogger('warn', { pretty: false }), pages: workers })
    const pages = benchArticles(500)
    const reference = async () => {
      await db.$executeRawUnsafe('TRUNCATE articles CASCADE')
      const cpu = process.cpuUsage()
      const result = await benchIngest(ingest, pages)
      const used = process.cpuUsage(cpu)
      await db.$executeRawUnsafe('TRUNCATE articles CASCADE')
      return { ...result, perCpuSecond: result.articles / ((used.user + used.system) / 1e6) }
    }
    await db.$executeRawUnsafe('TRUNCATE sources CASCADE')
    const before = await reference()

    const pools = sentencePools()
    const now = Date.now()
    // a delay drawn per answer, repeatably
    let seed = 42
    const delay = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return 50 + (seed % 151)
    }
    for (let h = 0; h < options.hosts; h++)
      servers.push(await new FeedServer().start())
    // feed f on host f % hosts: consecutive sources are on different hosts
    const feedUrls = Array.from({ length: options.feeds }, (_, feed) => {
      const server = servers[feed % options.hosts]!
      return server.set(`/feed/${feed}.xml`, () => ({ body: feedDocument(pools, feed, options.itemsPerFeed, server.base, now), contentType: 'application/rss+xml; charset=utf-8', etag: `"feed-${feed}"`, delayMs: delay() }))
    })
    await db.$executeRaw`
      INSERT INTO sources (url, feed_url, kind, title, next_poll_at)
      SELECT u, u, 'rss', 'Bench Outlet ' || n, now() + interval '1 day'
      FROM unnest(${feedUrls}::text[]) WITH ORDINALITY AS t(u, n)`

    child = await startNodeProcess([...(process.env.BENCH_CHILD_ARGS?.split(' ').filter(Boolean) ?? []), ...sourcesScriptArgs(), 'poll'], { DATABASE_URL: url, SOURCE_POLL_INTERVAL: '86400', FETCH_ALLOW_PRIVATE: 'true' }, 'Polling sources')
    const pid = child.pid!
    const idle = await procStatus(pid)

    /** Makes every source due, waits until each has been polled once more; the wall time from the first request. */
    const cycle = async (): Promise<Cycle> => {
      const before = await procStatus(pid)
      const requestsBefore = servers.reduce((n, s) => n + s.requests.length, 0)
      const marked = new Date()
      await db.$executeRaw`UPDATE sources SET next_poll_at = now()`
      let firstRequest: number | undefined
      for (;;) {
        await new Promise(resolve => setTimeout(resolve, 200))
        if (firstRequest === undefined && servers.reduce((n, s) => n + s.requests.length, 0) > requestsBefore)
          firstRequest = performance.now()
        const [row] = await db.$queryRaw<Array<{ done: bigint }>>`SELECT count(*) AS done FROM sources WHERE last_polled_at >= ${marked} AND lease_until IS NULL`
        if (Number(row!.done) >= options.feeds)
          break
      }
      const after = await procStatus(pid)
      return { seconds: (performance.now() - (firstRequest ?? performance.now())) / 1000, cpuSeconds: after.cpuSeconds - before.cpuSeconds, requests: servers.reduce((n, s) => n + s.requests.length, 0) - requestsBefore }
    }

    const first = await cycle()
    const [counts] = await db.$queryRaw<Array<{ stored: bigint, refused: bigint, failing: bigint }>>`SELECT sum(articles_stored) AS stored, sum(items_refused) AS refused, count(*) FILTER (WHERE failures > 0) AS failing FROM sources`
    const stored = Number(counts!.stored)
    const items = options.feeds * options.itemsPerFeed
    const perSecond = items / first.seconds
    const perCpuSecond = items / first.cpuSeconds
    // on an empty table again, like the first measurement (the steady cycle needs only the sources' validators)
    const after = await reference()
    const pipelineRate = (before.perSecond + after.perSecond) / 2
    const pipelineCpuRate = (before.perCpuSecond + after.perCpuSecond) / 2
    lines.push(`pipeline ingest with the database (npm run bench -- pipeline's figure), before and after the first cycle: ${before.perSecond.toFixed(0)} and ${after.perSecond.toFixed(0)} articles/s (${before.perCpuSecond.toFixed(0)} and ${after.perCpuSecond.toFixed(0)} per CPU-second of its process)`)
    lines.push(`first cycle: ${options.feeds} feeds x ${options.itemsPerFeed} items = ${items} new items (${stored} stored, ${Number(counts!.refused)} refused, the rest duplicates; ${Number(counts!.failing)} feeds failed) in ${first.seconds.toFixed(1)} s = **${perSecond.toFixed(0)} items/s = ${(perSecond / pipelineRate).toFixed(2)} of the pipeline's ${pipelineRate.toFixed(0)}**; poller CPU ${first.cpuSeconds.toFixed(1)} s = ${perCpuSecond.toFixed(0)} items per CPU-second = ${(perCpuSecond / pipelineCpuRate).toFixed(2)} of the pipeline's ${pipelineCpuRate.toFixed(0)} (${(first.cpuSeconds * 1000 / items).toFixed(2)} ms per item)`)

    const steady = await cycle()
    const [notModified] = await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM sources WHERE failures = 0`
    const answers304 = servers.reduce((n, s) => n + s.requests.filter(r => r.status === 304).length, 0)
    lines.push(`steady cycle (every feed answers 304): ${steady.requests} requests, ${answers304} answered 304, ${Number(notModified!.n)} sources settled without error, in **${steady.seconds.toFixed(1)} s** wall, **${steady.cpuSeconds.toFixed(2)} s CPU** (${(steady.cpuSeconds * 1000 / options.feeds).toFixed(2)} ms per feed)`)

    const peak = await procStatus(pid)
    lines.push(`poll-only process: **peak RSS ${peak.peakRssMb.toFixed(0)} MB** (${idle.peakRssMb.toFixed(0)} MB when ready)`)
    const perFeedMs = steady.cpuSeconds * 1000 / options.feeds
    const cores6000 = 6000 * perFeedMs / 1000 / 600
    const perItemMs = first.cpuSeconds * 1000 / items
    lines.push(`6,000 feeds every 600 s: ${(cores6000 * 100).toFixed(2)} % of one core when nothing is new (${perFeedMs.toFixed(2)} ms per 304); each new item adds ${perItemMs.toFixed(2)} ms, so 6,000 feeds publishing 30 items a day each (180,000 a day) add ${(180_000 * perItemMs / 1000 / 86_400 * 100).toFixed(1)} % of a core`)
    return lines
  }
  finally {
    if (child)
      await stopProcess(child)
    await Promise.all(servers.map(s => s.close()))
    await workers.close()
    await db.$disconnect()
  }
}
