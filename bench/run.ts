// npm run bench: prints every figure recorded in docs/BENCHMARKS.md.
// Needs ../shared/eval (or EVAL_DIR); uses BENCH_DATABASE_URL or an embedded PostgreSQL.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseConfig } from '#root/config.js'
import { createDatabase } from '#root/db/client.js'
import { startEmbeddedPostgres } from '#root/db/embedded.js'
import { migrate } from '#root/db/migrate.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createLogger } from '#root/logger.js'
import { createPageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { seedTopics } from '#root/news/seed.js'
import { benchArticles, benchHostileInWorkers, benchIngest, benchProcess, benchWorkers, evalDir, inThreadPages } from './pipeline.js'
import { benchFanout } from './fanout.js'
import { benchHostile } from './hostile.js'
import { benchPages } from './pages.js'
import { benchWebhook } from './webhook.js'
import { evaluate, loadEval, METHODS } from './summary-quality.js'

const only = process.argv[2]
const f = (n: number, d = 1) => n.toFixed(d)

async function quality() {
  console.log(`\n## Summary quality (ROUGE F1 x100, Unicode tokens, no stemming; ROUGE-L over the whole text); data: ${evalDir()}`)
  const sets: Array<[string, string, number]> = [
    ['summaries-en.jsonl', 'CNN/DM, 3 sentences', 3],
    ['summaries-en.jsonl', 'CNN/DM, digest (2 sentences, <= 320 chars)', 0],
    ['summaries-en-xsum.jsonl', 'XSum, 1 sentence', 1],
    ['summaries-ru.jsonl', 'RU (XL-Sum/MLSUM/Gazeta), 3 sentences', 3],
    ['summaries-ru.jsonl', 'RU, digest (2 sentences, <= 320 chars)', 0],
  ]
  for (const [file, label, sentences] of sets) {
    const rows = loadEval(file)
    console.log(`\n### ${label}: ${rows.length} articles\n`)
    console.log('| method | R-1 | R-2 | R-L | words | ms/article | failures |')
    console.log('|---|---|---|---|---|---|---|')
    const row = (name: string, r: Awaited<ReturnType<typeof evaluate>>) => console.log(`| ${name} | ${f(r.scores.r1, 2)} | ${f(r.scores.r2, 2)} | ${f(r.scores.rl, 2)} | ${f(r.words)} | ${f(r.msPerDoc, 2)} | ${r.failures} |`)
    for (const method of Object.keys(METHODS))
      row(method === 'lead' ? `Lead-${sentences || 2}` : method, await evaluate(rows, method, sentences || 2, sentences === 0))
    // a page without a printed headline: the headline is the lead's first sentence, which the summary then leaves out
    if (sentences === 0)
      row('ours, no printed headline', await evaluate(rows, 'ours', 2, true, true))
  }
  // the weights were chosen on the even-numbered English records: the odd ones are held out
  const rows = loadEval('summaries-en.jsonl')
  for (const [name, part] of [['even (tuning)', rows.filter((_, i) => i % 2 === 0)], ['odd (held out)', rows.filter((_, i) => i % 2 === 1)]] as const) {
    const lead = await evaluate([...part], 'lead', 3)
    const ours = await evaluate([...part], 'ours', 3)
    console.log(`\nCNN/DM ${name}: Lead-3 ${f(lead.scores.r1, 2)}/${f(lead.scores.r2, 2)}/${f(lead.scores.rl, 2)}, ours ${f(ours.scores.r1, 2)}/${f(ours.scores.r2, 2)}/${f(ours.scores.rl, 2)}`)
  }
}

/**
 * A migrated database with the topic list for a benchmark: BENCH_DATABASE_URL,
 * or an embedded PostgreSQL in a temporary directory, removed afterwards.
 */
async function withBenchDatabase(task: (url: string) => Promise<void>): Promise<void> {
  let dataDir: string | undefined
  let url = process.env.BENCH_DATABASE_URL
  let stop = async () => {}
  if (!url) {
    dataDir = await mkdtemp(join(tmpdir(), 'news-digest-bench-'))
    // as root, PostgreSQL runs as its own user, which must be able to enter the directory
    await chmod(dataDir, 0o755)
    const server = await startEmbeddedPostgres(dataDir, createLogger('warn', { pretty: false }))
    url = server.url
    stop = server.stop
  }
  try {
    await migrate(url)
    const db = createDatabase(url)
    await seedTopics(createRepositories(db))
    await db.$disconnect()
    await task(url)
  }
  finally {
    await stop()
    if (dataDir)
      await rm(dataDir, { recursive: true, force: true })
  }
}

async function throughput() {
  const pages = benchArticles(1000)
  const p = benchProcess(pages)
  console.log(`\n## Pipeline without the database (one core)\n\n${p.articles} articles of ${f(p.meanBytes / 1000)} kB, 3 timed passes after a warm-up (${p.passes.map(x => f(x, 0)).join(', ')} articles/s): median ${f(p.perSecond, 0)} articles/s (${f(p.perCpuSecond, 0)} per CPU-second); per article p50 ${f(p.p50, 2)} ms, p99 ${f(p.p99, 2)} ms`)

  const workers = createPageWorkers()
  try {
    const rssBefore = process.memoryUsage().rss
    const w = await benchWorkers(workers, pages)
    const rssAfter = process.memoryUsage().rss
    console.log(`\n## The same pages through the page workers (${w.threads} threads)\n\none at a time: ${f(w.sequential, 0)} articles/s; all at once: ${f(w.concurrent, 0)} articles/s; process RSS ${f(rssBefore / 1e6, 0)} MB before the threads started, ${f(rssAfter / 1e6, 0)} MB with both running`)

    await withBenchDatabase(async (url) => {
      const db = createDatabase(url)
      try {
        const repos = createRepositories(db)
        console.log(`\n## Ingest with PostgreSQL (${process.env.BENCH_DATABASE_URL ? 'server' : 'embedded'}), 500 distinct articles of 4.8 kB\n`)
        // alternated, so that neither mode always runs on a warmer database
        for (const [mode, pagesFor] of [['in this thread (before)', inThreadPages()], ['page workers', workers], ['in this thread (before)', inThreadPages()], ['page workers', workers]] as const) {
          await db.$executeRawUnsafe('TRUNCATE articles CASCADE')
          const ingest = await createNewsPipeline({ repos, config: parseConfig({}), logger: createLogger('warn', { pretty: false }), pages: pagesFor })
          const r = await benchIngest(ingest, pages.slice(0, 500))
          console.log(`- ${mode}: ${f(r.perSecond, 0)} articles/s (${r.stored} stored, the rest near duplicates)`)
        }
      }
      finally {
        await db.$disconnect()
      }
    })

    console.log('\n## Hostile pages through the page workers (budget 1.5 s)\n')
    for (const r of await benchHostileInWorkers(workers))
      console.log(`- ${r.name}, ${f(r.bytes / 1000, 0)} kB: ${r.outcome} in ${f(r.ms, 0)} ms; event loop delay at most ${f(r.maxLagMs)} ms`)
  }
  finally {
    await workers.close()
  }
}

async function webhook() {
  await withBenchDatabase(async (url) => {
    const seconds = Number(process.env.BENCH_SECONDS ?? 30)
    for (const rate of [200, 100]) {
      const r = await benchWebhook(url, { articles: 100_000, chats: 10_000, rate, seconds })
      console.log(`\n## Webhook latency (${r.articles} articles, ${r.chats} chats, ${r.rate} updates/s for ${r.seconds} s, /latest and /topic alternating)\n`)
      console.log(`${r.sent} updates, ${r.failed} failed, ${r.replies} replies; latency p50 ${f(r.p50)} ms, p90 ${f(r.p90)} ms, p99 ${f(r.p99)} ms, max ${f(r.max)} ms`)
      for (const [command, q] of Object.entries(r.byCommand))
        console.log(`${command}: p50 ${f(q.p50)} ms, p99 ${f(q.p99)} ms`)
      console.log(`bot process: ${f(r.cpuMsPerUpdate, 2)} ms CPU per update; peak RSS ${f(r.peakRssMb, 0)} MB, at the end ${f(r.rssMb, 0)} MB`)
    }
  })
}

async function fanout() {
  await withBenchDatabase(async (url) => {
    const chats = Number(process.env.BENCH_CHATS ?? 100_000)
    const limitedSeconds = Number(process.env.BENCH_LIMITED_SECONDS ?? 300)
    console.log(`\n## Fan-out (${chats} chats)\n`)
    for (const line of await benchFanout(url, { chats, limitedSeconds }))
      console.log(`- ${line}`)
  })
}

console.log(`# news-digest-bot benchmarks, ${new Date().toISOString()}, Node ${process.version}`)
if (!only || only === 'pipeline')
  await throughput()
if (!only || only === 'pages')
  benchPages()
if (!only || only === 'hostile')
  benchHostile(process.argv[3])
if (!only || only === 'quality')
  await quality()
if (!only || only === 'webhook')
  await webhook()
if (!only || only === 'fanout')
  await fanout()
