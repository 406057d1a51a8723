// Fan-out: planning 100k chats' digests, and pushing one item to 100k chats
// (database claim + render + HTTP) against the fake Bot API from `npm run deliver`
// and from the whole bot, with the limits off (capacity) and at Telegram's 30 a second.
import type { ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { createDatabase, type Database } from '#root/db/client.js'
import { createRepositories, type Repositories } from '#root/db/repositories/index.js'
import { createDigestPlanner } from '#root/delivery/planner.js'
import { createLogger } from '#root/logger.js'
import { startDeliverProcess, startNodeProcess, stopProcess } from '../tests/helpers/deliver-process.js'
import { FakeBotApi } from '../tests/helpers/fake-bot-api.js'

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** 100k active chats in a few time zones, each subscribed to kazakhstan; one fresh article on it. */
async function fill(url: string, chats: number): Promise<{ articleId: number, topicId: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('TRUNCATE chats, deliveries CASCADE')
    const { rows: [topic] } = await client.query<{ id: number }>(`SELECT id FROM topics WHERE slug = 'kazakhstan'`)
    await client.query(`
      INSERT INTO chats (id, type, ui_language, digest_language, time_zone, digest_time, updated_at)
      SELECT 6000000 + i, 'private', (CASE WHEN i % 2 = 0 THEN 'ru' ELSE 'en' END)::"Language", 'both',
             (ARRAY['Asia/Almaty', 'Europe/Moscow', 'America/New_York', 'UTC'])[1 + i % 4], '09:00', now()
      FROM generate_series(1, $1) AS i`, [chats])
    await client.query('INSERT INTO subscriptions (chat_id, topic_id) SELECT id, $1 FROM chats', [topic!.id])
    const { rows: [article] } = await client.query<{ id: number }>(`
      WITH story AS (
        INSERT INTO stories (first_seen, last_seen, languages) VALUES (now(), now(), ARRAY['en'::"Language"]) RETURNING id
      )
      INSERT INTO articles (language, title, body, content_hash, fingerprint, source_name, story_id)
      SELECT 'en', 'Kazakhstan and Afghanistan agree on a new trade corridor', 'Officials agreed on a new trade corridor.', md5(random()::text), '{}', 'Bench News', story.id
      FROM story
      RETURNING id`)
    await client.query(`INSERT INTO summaries (article_id, language, title, text, teaser, method) VALUES ($1, 'en', 'Kazakhstan and Afghanistan agree on a new trade corridor', 'Officials in Astana and Kabul agreed on a new trade corridor on Monday.', 'A new trade corridor.', 'extractive')`, [article!.id])
    await client.query('INSERT INTO article_topics (article_id, topic_id, score) VALUES ($1, $2, 9)', [article!.id, topic!.id])
    await client.query('ANALYZE')
    return { articleId: article!.id, topicId: topic!.id }
  }
  finally {
    await client.end()
  }
}

/** `npm start` with a token: the whole bot (long polling at the fake Bot API), delivering too. */
function startBot(url: string, apiRoot: string): Promise<ChildProcess> {
  return startNodeProcess(['--import', 'tsx', 'src/main.ts'], { DATABASE_URL: url, TELEGRAM_API_ROOT: apiRoot, BROADCAST_RATE: 'unlimited' }, 'Long polling')
}

/** Pushes the article to every chat through the process `start` starts: messages/s, peak RSS, duplicates. */
async function push(db: Database, repos: Repositories, { articleId, topicId }: { articleId: number, topicId: number }, start: (apiRoot: string) => Promise<ChildProcess>) {
  await db.$executeRawUnsafe('TRUNCATE deliveries')
  const fake = await new FakeBotApi().start()
  try {
    const child = await start(fake.apiRoot)
    const idle = await peakRssMb(child.pid!)
    const queued = await repos.deliveries.planBreaking(articleId, [topicId])
    const started = performance.now()
    let peak = 0
    for (;;) {
      peak = Math.max(peak, await peakRssMb(child.pid!))
      if (await db.delivery.count({ where: { status: { in: ['pending', 'sending'] } } }) === 0)
        break
      await new Promise(resolve => setTimeout(resolve, 500))
    }
    const seconds = (performance.now() - started) / 1000
    peak = Math.max(peak, await peakRssMb(child.pid!))
    await stopProcess(child)
    const sent = await db.delivery.count({ where: { status: 'sent' } })
    const duplicates = fake.messages.length - new Set(fake.messages.map(m => m.chatId)).size
    return `${queued} chats: ${sent} sent in ${seconds.toFixed(1)} s = ${(sent / seconds).toFixed(0)} messages/s; peak RSS ${peak.toFixed(0)} MB (${idle.toFixed(0)} MB before the push); fake API received ${fake.messages.length}, duplicates ${duplicates}`
  }
  finally {
    await fake.close()
  }
}

export async function benchFanout(url: string, options: { chats: number, limitedSeconds: number }) {
  const pushed = await fill(url, options.chats)
  const db = createDatabase(url)
  const repos = createRepositories(db, { cacheMs: 0 })
  const results: string[] = []
  try {
    // 1. planning: every chat due now (its 09:00 has just passed), one new article each
    const planner = createDigestPlanner({ repos, logger: createLogger('silent', { pretty: false }), catchUpHours: 6 })
    const plannedAt = new Date()
    await db.$executeRawUnsafe(`UPDATE chats SET digest_time = to_char((now() AT TIME ZONE time_zone) - interval '1 minute', 'HH24:MI'), last_digest_at = now() - interval '1 hour'`)
    let started = performance.now()
    const planned = await planner.tick(plannedAt)
    results.push(`planning ${options.chats} chats' digests: ${(performance.now() - started) / 1000 < 0.1 ? '<0.1' : ((performance.now() - started) / 1000).toFixed(1)} s (${planned.queued} queued, ${planned.skipped} skipped)`)
    await db.$executeRawUnsafe('TRUNCATE deliveries')

    // later ticks of the processes below must not plan digests into the push
    await db.$executeRawUnsafe(`UPDATE chats SET digest_time = to_char((now() AT TIME ZONE time_zone) + interval '12 hours', 'HH24:MI')`)

    // 2. capacity, limits off: `npm run deliver`, then the whole bot (`npm start`)
    results.push(`npm run deliver, limits off, push to ${await push(db, repos, pushed, apiRoot => startDeliverProcess({ DATABASE_URL: url, TELEGRAM_API_ROOT: apiRoot, BROADCAST_RATE: 'unlimited' }))}`)
    results.push(`npm start (the whole bot, delivering too), limits off, push to ${await push(db, repos, pushed, apiRoot => startBot(url, apiRoot))}`)

    // 3. Telegram's limit: 30 messages/s enforced by the fake API, npm run deliver at its default 30/s
    await db.$executeRawUnsafe('TRUNCATE deliveries')
    const limited = await new FakeBotApi().start()
    limited.globalLimitPerSecond = 30
    try {
      await repos.deliveries.planBreaking(pushed.articleId, [pushed.topicId])
      const child = await startDeliverProcess({ DATABASE_URL: url, TELEGRAM_API_ROOT: limited.apiRoot })
      started = performance.now()
      await new Promise(resolve => setTimeout(resolve, options.limitedSeconds * 1000))
      const seconds = (performance.now() - started) / 1000
      const sent = limited.messages.length
      await stopProcess(child)
      results.push(`npm run deliver at 30 messages/s for ${seconds.toFixed(0)} s: ${sent} sent = ${(sent / seconds).toFixed(1)} messages/s; 429s provoked: ${limited.limitHits}`)
    }
    finally {
      await limited.close()
    }
  }
  finally {
    await db.$disconnect()
  }
  return results
}
