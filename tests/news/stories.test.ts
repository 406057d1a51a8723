// Grouping at ingest, against a real PostgreSQL.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '#root/config.js'
import type { Ingest, IngestResult } from '#root/news/ingest.js'
import { createPageWorkers, type PageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { seedTopics } from '#root/news/seed.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'stories')
const page = (file: string) => ({ text: readFileSync(join(FIXTURES, file), 'utf8') })
const storyOf = (result: IngestResult) => (result.status === 'rejected' ? undefined : result.story)

describe('stories at ingest', () => {
  let database: TestDatabase
  let ingest: Ingest
  let pages: PageWorkers
  const stories = new Map<string, number | null | undefined>()

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedTopics(database.repos)
    pages = createPageWorkers()
    ingest = await createNewsPipeline({ repos: database.repos, config: parseConfig({}), logger: pino({ level: 'silent' }), pages })
    for (const file of ['aid-convoy-en.txt', 'kambarata-ru.txt', 'aid-second-en.txt', 'aid-convoy-ru.txt', 'tokayev-china-en.txt', 'kambarata-study-ru.txt', 'aid-convoy-en-2.txt', 'kambarata-en.txt', 'tokayev-media-law-en.txt'])
      stories.set(file, storyOf(await ingest(page(file))))
  })
  afterAll(async () => {
    await pages.close()
    await database.drop()
  })

  it('should give the reports of one event one story, across outlets and languages', () => {
    expect(stories.get('aid-convoy-ru.txt')).toBe(stories.get('aid-convoy-en.txt'))
    expect(stories.get('aid-convoy-en-2.txt')).toBe(stories.get('aid-convoy-en.txt'))
    expect(stories.get('kambarata-en.txt')).toBe(stories.get('kambarata-ru.txt'))
  })

  it('should give every other event a story of its own', () => {
    const own = ['aid-convoy-en.txt', 'aid-second-en.txt', 'kambarata-ru.txt', 'kambarata-study-ru.txt', 'tokayev-china-en.txt', 'tokayev-media-law-en.txt'].map(f => stories.get(f))
    expect(own.every(id => typeof id === 'number')).toBe(true)
    expect(new Set(own).size).toBe(own.length)
  })

  it('should keep on the story its first report, the span of its reports, its languages and its outlets', async () => {
    const story = await database.db.story.findUniqueOrThrow({ where: { id: stories.get('aid-convoy-en.txt')! }, include: { lead: true } })
    expect(story).toMatchObject({ languages: ['en', 'ru'], outlets: 3, firstSeen: new Date('2025-03-12T00:00:00Z'), lastSeen: new Date('2025-03-12T00:00:00Z') })
    expect(story.lead?.sourceName).toBe('Steppe Wire')
    expect(await database.db.article.count({ where: { storyId: story.id } })).toBe(3)
  })

  it('should answer a duplicate with the story of the article it duplicates, and a dry run with the story it would join', async () => {
    const duplicate = await ingest(page('aid-convoy-ru.txt'))
    expect(duplicate).toMatchObject({ status: 'duplicate', story: stories.get('aid-convoy-en.txt') })
    const rewritten = readFileSync(join(FIXTURES, 'aid-convoy-en-2.txt'), 'utf8').replace('Kabul Ledger', 'Mazar Herald').replace('Aid trucks from Tashkent cross into Balkh', 'Uzbek aid reaches Balkh in 62 lorries')
      .replace('Sixty-two lorries loaded with humanitarian goods from Uzbekistan rolled across the Amu Darya', 'Uzbekistan\'s humanitarian goods crossed the Amu Darya in sixty-two lorries')
    const dryRun = await ingest({ text: rewritten }, { dryRun: true })
    expect(dryRun).toMatchObject({ status: 'stored', id: null, story: stories.get('aid-convoy-en.txt') })
  })

  it('should make an article stored before stories findable by later reports and by muted words', async () => {
    // as the migration leaves it: a story of its own, no keys, no stems
    const [old] = await database.db.$queryRaw<Array<{ id: number }>>`
      WITH s AS (INSERT INTO stories (first_seen, last_seen, languages) VALUES ('2025-05-20', '2025-05-20', '{en}') RETURNING id)
      INSERT INTO articles (language, title, body, published_at, content_hash, story_id)
      SELECT 'en', 'Kambarata-1 plant gets its first turbine order', 'Energy minister Taalaibek Ibraev said on Tuesday the Kambarata-1 company ordered its first turbine.', '2025-05-20', 'old-one', s.id FROM s
      RETURNING id`
    expect(await ingest.backfill()).toBe(1)
    const row = await database.db.article.findUniqueOrThrow({ where: { id: old!.id } })
    expect(row.storyKeys.length).toBeGreaterThan(0)
    expect(row.stems).toContain(' turbin ')
    expect(await ingest.backfill()).toBe(0)
  })

  it('should count a story\'s outlets and languages again when a report is deleted', async () => {
    const russian = await database.db.article.findFirstOrThrow({ where: { storyId: stories.get('aid-convoy-en.txt')!, language: 'ru' } })
    expect(await database.repos.articles.softDelete(russian.id)).toBe(true)
    const story = await database.db.story.findUniqueOrThrow({ where: { id: russian.storyId } })
    expect(story).toMatchObject({ languages: ['en'], outlets: 2 })
  })
})
