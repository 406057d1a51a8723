// Webhook latency: the bot runs as its own process in webhook mode on a database
// with 100k articles and 10k chats; this process is the load generator (200
// updates/s of /latest and /topic from the 10k chats) and the fake Bot API.
// Latency is from sending the update until the webhook's HTTP answer, which
// grammY sends once the update is handled (its reply delivered to the fake API).
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { freePort } from '#root/db/embedded.js'
import { FAKE_TOKEN, FakeBotApi, textMessage } from '../tests/helpers/fake-bot-api.js'

export interface WebhookFigures {
  articles: number
  chats: number
  rate: number
  seconds: number
  sent: number
  failed: number
  replies: number
  p50: number
  p90: number
  p99: number
  max: number
  byCommand: Record<string, { p50: number, p99: number }>
  peakRssMb: number
  rssMb: number
  /** the bot process's CPU time per update */
  cpuMsPerUpdate: number
}

const SECRET = 'benchmark-webhook-secret'
const TOPIC_NAMES = ['kazakhstan', 'Афганистан', 'taliban', 'usa', 'Россия', 'china', 'iran', 'pakistan', 'uzbekistan', 'energy', 'security', 'diplomacy']

/** 100k articles with summaries and topic links, 10k chats with 3 subscriptions each, in a few statements. */
export async function fillDatabase(url: string, articles: number, chats: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('TRUNCATE articles, stories, chats, deliveries, sessions, audit_log CASCADE')
    const { rows } = await client.query<{ id: number }>('SELECT id FROM topics ORDER BY id')
    const topicIds = rows.map(r => r.id)
    // every article a story of its own, numbered alike
    await client.query(`
      WITH g AS (
        SELECT i, (CASE WHEN i % 3 = 0 THEN 'ru' ELSE 'en' END)::"Language" AS language,
               CASE WHEN i % 10 = 0 THEN NULL ELSE now() - (i || ' minutes')::interval END AS published_at,
               now() - (i || ' minutes')::interval AS ingested_at
        FROM generate_series(1, $1) AS i
      ), s AS (
        INSERT INTO stories (id, first_seen, last_seen, languages, outlets, dated, created_at)
        SELECT i, coalesce(published_at, ingested_at), coalesce(published_at, ingested_at), ARRAY[language], 1, published_at IS NOT NULL, ingested_at FROM g
      )
      INSERT INTO articles (source_name, url, language, title, body, published_at, ingested_at, content_hash, fingerprint, story_id, stems)
      SELECT 'Bench News', 'https://bench.example/' || i, language,
             'Report ' || i || ' on trade, security and diplomacy in Central Asia',
             repeat('Officials in the region discussed trade corridors, border security and energy supplies for the coming winter. ', 6),
             published_at, ingested_at, md5('bench' || i), ARRAY[i, i + 1], i, ' report on trade secur and diplomaci in central asia '
      FROM g`, [articles])
    await client.query('UPDATE stories s SET lead_article_id = a.id FROM articles a WHERE a.story_id = s.id')
    await client.query(`SELECT setval(pg_get_serial_sequence('stories', 'id'), $1)`, [articles])
    await client.query(`
      INSERT INTO summaries (article_id, language, title, text, teaser, method)
      SELECT id, language, title, 'Officials in the region discussed trade corridors, border security and energy supplies for the coming winter.', 'Officials discussed trade and security.', 'extractive'
      FROM articles`)
    await client.query(`
      INSERT INTO article_topics (article_id, topic_id, score)
      SELECT a.id, t.topic_id, 5 FROM articles a
      CROSS JOIN LATERAL (VALUES (($1::int[])[1 + a.id % $2]), (($1::int[])[1 + (a.id * 7) % $2])) AS t(topic_id)
      ON CONFLICT DO NOTHING`, [topicIds, topicIds.length])
    await client.query(`
      INSERT INTO chats (id, type, ui_language, digest_language, time_zone, digest_time, updated_at)
      SELECT 5000000 + i, 'private', (CASE WHEN i % 2 = 0 THEN 'ru' ELSE 'en' END)::"Language", 'both', 'Asia/Almaty', '09:00', now()
      FROM generate_series(1, $1) AS i`, [chats])
    await client.query(`
      INSERT INTO subscriptions (chat_id, topic_id)
      SELECT c.id, ($1::int[])[1 + (c.id + k) % $2] FROM chats c CROSS JOIN generate_series(0, 2) AS k
      ON CONFLICT DO NOTHING`, [topicIds, topicIds.length])
    await client.query('ANALYZE')
  }
  finally {
    await client.end()
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

/** CPU seconds (user + system) the process has used so far. */
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100
}

async function memoryOf(pid: number): Promise<{ rss: number, peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

export async function benchWebhook(databaseUrl: string, options: { articles: number, chats: number, rate: number, seconds: number }): Promise<WebhookFigures> {
  await fillDatabase(databaseUrl, options.articles, options.chats)
  const api = await new FakeBotApi().start()
  const port = await freePort()
  // BENCH_NODE_ARGS (e.g. --cpu-prof) go to the bot's process
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', WEBHOOK_URL: 'https://bench.example/', WEBHOOK_SECRET: SECRET, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    await api.waitFor(() => api.calls.some(c => c.method === 'setWebhook' && c.status === 200), 120_000)
    const endpoint = `http://127.0.0.1:${port}/webhook/${api.botInfo.id}`
    const post = async (update: unknown) => {
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) })
      await response.arrayBuffer()
      return response.ok
    }
    // warm-up: a few updates so that the first measured ones do not pay for JIT and connections
    for (let i = 0; i < 50; i++)
      await post({ update_id: i + 1, ...textMessage(i % 2 ? '/latest' : '/topic kazakhstan', { userId: 5_000_001 + i }) })

    const total = options.rate * options.seconds
    const cpuBefore = await cpuSecondsOf(child.pid!)
    const latencies: Array<{ command: string, ms: number }> = []
    let failed = 0
    let peak = 0
    const pending: Array<Promise<void>> = []
    const started = performance.now()
    for (let i = 0; i < total; i++) {
      // open loop: the next update goes out on schedule whether or not earlier ones were answered
      const due = started + (i * 1000) / options.rate
      const wait = due - performance.now()
      if (wait > 0)
        await new Promise(resolve => setTimeout(resolve, wait))
      const command = i % 2 === 0 ? '/latest' : `/topic ${TOPIC_NAMES[i % TOPIC_NAMES.length]}`
      const chatId = 5_000_001 + ((i * 7919) % options.chats)
      const sent = performance.now()
      pending.push(post({ update_id: 1000 + i, ...textMessage(command, { userId: chatId }) }).then((ok) => {
        if (!ok)
          failed++
        latencies.push({ command: command.split(' ')[0]!, ms: performance.now() - sent })
      }, () => {
        failed++
      }))
      if (i % options.rate === 0)
        peak = Math.max(peak, (await memoryOf(child.pid!)).peak)
    }
    await Promise.all(pending)
    const cpuMsPerUpdate = ((await cpuSecondsOf(child.pid!)) - cpuBefore) * 1000 / total
    const memory = await memoryOf(child.pid!)
    const sorted = latencies.map(l => l.ms).sort((a, b) => a - b)
    const byCommand: WebhookFigures['byCommand'] = {}
    for (const command of ['/latest', '/topic']) {
      const mine = latencies.filter(l => l.command === command).map(l => l.ms).sort((a, b) => a - b)
      byCommand[command] = { p50: quantile(mine, 0.5), p99: quantile(mine, 0.99) }
    }
    return {
      articles: options.articles,
      chats: options.chats,
      rate: options.rate,
      seconds: options.seconds,
      sent: total,
      failed,
      replies: api.messages.length,
      p50: quantile(sorted, 0.5),
      p90: quantile(sorted, 0.9),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1) ?? 0,
      byCommand,
      peakRssMb: Math.max(peak, memory.peak),
      cpuMsPerUpdate,
      rssMb: memory.rss,
    }
  }
  finally {
    const exited = new Promise(resolve => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    await api.close()
  }
}
