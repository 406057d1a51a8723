// Story grouping: quality on labelled reports (B-cubed precision, recall and F1,
// English-Russian same-event pairs grouped, false merges), and ingest throughput
// against 100,000 stored articles with grouping on and off, same run.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseConfig } from '#root/config.js'
import { createDatabase } from '#root/db/client.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createLogger } from '#root/logger.js'
import { fromHtml, looksLikeHtml } from '#root/news/inputs/html.js'
import { ingestInOrder } from '#root/news/ingest.js'
import type { PageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { createTopicMatcher } from '#root/news/topics.js'
import { createStoryContext, storyKeys } from '#root/stories/context.js'
import { storyFeatures } from '#root/stories/features.js'
import { processArticle } from '#root/news/process.js'
import { benchArticles, topicTerms } from './pipeline.js'

export interface Labelled { file: string, lang: string, event: string }

export interface GroupingScore {
  precision: number
  recall: number
  f1: number
  /** English-Russian pairs of one event that share a story, of all such pairs */
  crossPairs: [number, number]
  /** pairs in one story whose events differ */
  falseMerges: Array<[string, string]>
}

/** B-cubed over articles; an article without a story is a story of its own. */
export function scoreGrouping(gold: Labelled[], story: ReadonlyMap<string, number | null | undefined>): GroupingScore {
  const label = (g: Labelled) => {
    const id = story.get(g.file)
    return id === null || id === undefined ? `alone:${g.file}` : `story:${id}`
  }
  const byStory = new Map<string, Labelled[]>()
  const byEvent = new Map<string, Labelled[]>()
  for (const g of gold) {
    byStory.set(label(g), [...byStory.get(label(g)) ?? [], g])
    byEvent.set(g.event, [...byEvent.get(g.event) ?? [], g])
  }
  let precision = 0
  let recall = 0
  for (const g of gold) {
    const cluster = byStory.get(label(g))!
    const event = byEvent.get(g.event)!
    const both = cluster.filter(x => x.event === g.event).length
    precision += both / cluster.length
    recall += both / event.length
  }
  precision /= gold.length
  recall /= gold.length
  let cross = 0
  let crossHit = 0
  const falseMerges: Array<[string, string]> = []
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const a = gold[i]!
      const b = gold[j]!
      const same = label(a) === label(b)
      if (a.event === b.event && a.lang !== b.lang) {
        cross++
        if (same)
          crossHit++
      }
      if (same && a.event !== b.event)
        falseMerges.push([a.file, b.file])
    }
  }
  return { precision, recall, f1: precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0, crossPairs: [crossHit, cross], falseMerges }
}

function readPage(path: string) {
  const text = readFileSync(path, 'utf8')
  return looksLikeHtml(text) ? fromHtml(text) : { text }
}

/** Ingests the labelled pages in file-name order (as `npm run ingest -- DIR` does) into an empty store. */
export async function groupLabelled(url: string, dir: string, gold: Labelled[], workers: Pick<PageWorkers, 'processor'>): Promise<GroupingScore> {
  const db = createDatabase(url)
  try {
    await db.$executeRawUnsafe('TRUNCATE articles, stories RESTART IDENTITY CASCADE')
    const repos = createRepositories(db, { cacheMs: 0 })
    const ingest = await createNewsPipeline({ repos, config: parseConfig({}), logger: createLogger('warn', { pretty: false }), pages: workers })
    const files = readdirSync(dir).filter(f => gold.some(g => g.file === f)).sort()
    const story = new Map<string, number | null>()
    await ingestInOrder(ingest, files, file => Promise.resolve(readPage(join(dir, file))), (file, result) => {
      story.set(file, result.status === 'rejected' ? null : result.story)
    })
    return scoreGrouping(gold, story)
  }
  finally {
    await db.$disconnect()
  }
}

export function loadStoriesGold(dir: string): Labelled[] {
  return readFileSync(join(dir, 'gold.jsonl'), 'utf8').trim().split('\n').map(line => JSON.parse(line) as Labelled)
}

/** The test fixtures' gold (tests/fixtures/stories/gold.json: file -> event), with each page's language from its name. */
export function loadFixtureGold(dir: string): Labelled[] {
  const events = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<string, string>
  return Object.entries(events).map(([file, event]) => ({ file, event, lang: /-ru\b/.test(file) ? 'ru' : 'en' }))
}

// ---------------------------------------------------------------- throughput

const DAY_MS = 86_400_000

/**
 * Fills the store with `count` synthetic articles, each its own story, spread
 * evenly over the year before `until` (so ~`count / 365` a day), whose story
 * keys and features are those of real pages: lookups find plenty of candidates.
 */
export async function fillArticles(url: string, count: number, until: Date, pages: string[]): Promise<void> {
  const topics = topicTerms()
  const matcher = createTopicMatcher(topics)
  const context = createStoryContext(topics)
  const templates = pages.flatMap((page) => {
    const processed = processArticle({ text: page }, { topics: matcher })
    if (!processed.ok)
      return []
    const features = storyFeatures(processed.article)
    return [{ keys: storyKeys(features, context), features }]
  })
  const db = createDatabase(url)
  try {
    await db.$executeRawUnsafe('TRUNCATE articles, stories RESTART IDENTITY CASCADE')
    await db.$executeRaw`
      WITH t AS (
        SELECT ordinality - 1 AS i, value AS template FROM jsonb_array_elements(${JSON.stringify(templates)}::jsonb) WITH ORDINALITY
      ), g AS (
        SELECT n, ${until}::timestamptz - make_interval(days => (n % 365)::int, secs => (n % 86400)::int) AS at,
               (SELECT template FROM t WHERE t.i = n % ${templates.length}) AS template
        FROM generate_series(1, ${count}::int) AS n
      ), s AS (
        INSERT INTO stories (id, first_seen, last_seen, languages, outlets, created_at)
        SELECT n, at, at, ARRAY['en'::"Language"], 1, at FROM g
      )
      INSERT INTO articles (source_name, language, title, body, published_at, ingested_at, content_hash, fingerprint, story_id, story_keys, story_features, stems)
      SELECT 'Outlet ' || (n % 40), 'en', 'Synthetic report ' || n, 'Synthetic body of report ' || n || '.', date_trunc('day', at), at,
             md5('synthetic ' || n), ARRAY(SELECT abs(hashint8(n * 64 + k)) % 134217728 FROM generate_series(1, 64) AS k)::int[],
             n, ARRAY(SELECT k || '|' || (extract(epoch FROM date_trunc('day', at)) / 86400)::int FROM jsonb_array_elements_text(template->'keys') AS k),
             template->'features', ' synthet report '
      FROM g`
    await db.$executeRaw`UPDATE stories s SET lead_article_id = a.id FROM articles a WHERE a.story_id = s.id`
    await db.$executeRaw`SELECT setval(pg_get_serial_sequence('stories', 'id'), ${count}::int)`
    // as autovacuum leaves a long-lived store: GIN pending lists merged, statistics fresh
    await db.$executeRawUnsafe('VACUUM ANALYZE articles')
    await db.$executeRawUnsafe('VACUUM ANALYZE stories')
  }
  finally {
    await db.$disconnect()
  }
}

/** Ingests `pages` with grouping on or off, then removes what it stored; articles per second. */
export async function ingestRate(url: string, pages: string[], grouping: boolean, workers: Pick<PageWorkers, 'processor'>): Promise<{ perSecond: number, joined: number }> {
  const db = createDatabase(url)
  try {
    const repos = createRepositories(db, { cacheMs: 0 })
    const ingest = await createNewsPipeline({ repos, config: parseConfig({}), logger: createLogger('warn', { pretty: false }), pages: workers, grouping })
    const [{ max } = { max: 0 }] = await db.$queryRaw<Array<{ max: number }>>`SELECT coalesce(max(id), 0)::int AS max FROM articles`
    const [{ top } = { top: 0 }] = await db.$queryRaw<Array<{ top: number }>>`SELECT coalesce(max(id), 0)::int AS top FROM stories`
    const started = performance.now()
    let joined = 0
    await ingestInOrder(ingest, pages, page => Promise.resolve({ text: page }), (_, result) => {
      if (result.status === 'stored' && result.story !== null && result.story <= top)
        joined++
    })
    const perSecond = pages.length / ((performance.now() - started) / 1000)
    await db.$executeRaw`UPDATE stories SET lead_article_id = NULL WHERE lead_article_id > ${max}`
    await db.$executeRaw`DELETE FROM articles WHERE id > ${max}`
    await db.$executeRaw`DELETE FROM stories WHERE id > ${top}`
    return { perSecond, joined }
  }
  finally {
    await db.$disconnect()
  }
}

export { benchArticles, DAY_MS }
