import { readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '#root/config.js'
import type { Ingest } from '#root/news/ingest.js'
import { createPageWorkers, type PageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { importSeedArticles, seedTopics } from '#root/news/seed.js'
import { TOPIC_THRESHOLD } from '#root/news/topics.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { FakeLlm, VALID_ANSWER } from '../helpers/fake-llm.js'
import { ENGLISH_SEED, RUSSIAN_SEED } from '../helpers/seeds.js'

function memoryLogger() {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
      done()
    },
  })
  return { logger: pino({ level: 'warn' }, stream), lines }
}

describe('ingest without an LLM', () => {
  let database: TestDatabase
  let pages: PageWorkers
  let ingest: Ingest

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedTopics(database.repos)
    pages = createPageWorkers()
    ingest = await createNewsPipeline({ repos: database.repos, config: parseConfig({}), logger: memoryLogger().logger, pages })
  })
  afterAll(async () => {
    await pages.close()
    await database.drop()
  })

  it('should store both seeds with their topics and an extractive summary in their own language only', async () => {
    const results = await importSeedArticles(ingest)
    expect(results.map(r => r.result.status)).toEqual(['stored', 'stored'])
    const ids = results.map(r => (r.result.status === 'stored' ? r.result.id! : -1))
    const english = await database.repos.articles.findById(ids[0]!)
    const russian = await database.repos.articles.findById(ids[1]!)
    expect(english).toMatchObject({ language: 'en', sourceName: 'Zan News', publishedAt: new Date('2024-09-07T00:00:00Z') })
    expect(english?.summaries.map(s => [s.language, s.method])).toEqual([['en', 'extractive']])
    expect(english?.topics.map(t => t.topic.slug)).toEqual(expect.arrayContaining(['kazakhstan', 'afghanistan', 'usa']))
    expect(russian?.topics.map(t => t.topic.slug)).toEqual(expect.arrayContaining(['kazakhstan', 'afghanistan', 'taliban']))
    expect(russian?.publishedAt).toBeNull()
    expect(english?.topics.every(t => t.score >= TOPIC_THRESHOLD.named)).toBe(true)
  })

  it('should report the same article under other boilerplate and whitespace as a duplicate of the stored one', async () => {
    const count = await database.repos.articles.count()
    const first = await ingest({ text: ENGLISH_SEED })
    const rewrapped = `Breaking\nMenu\n\n${ENGLISH_SEED.replace(/\n\n/g, '\n   \n').replace('Latest', 'Most read')}\nCookie policy: accept cookies`
    const second = await ingest({ text: rewrapped })
    expect(first).toMatchObject({ status: 'duplicate', duplicate: { by: 'content' } })
    expect(second).toMatchObject({ status: 'duplicate', id: first.status === 'duplicate' ? first.id : -1 })
    expect(await database.repos.articles.count()).toBe(count)
  })

  it('should report a lightly edited copy as a near duplicate, and the same URL as a duplicate', async () => {
    const edited = RUSSIAN_SEED.replace('в воскресенье', 'в прошлое воскресенье').replace('зерно, муку и топливо', 'зерно, муку, топливо')
    expect(await ingest({ text: edited })).toMatchObject({ status: 'duplicate', duplicate: { by: 'similar' } })
    const stored = await ingest({ text: readFileSync('tests/fixtures/pages/ru-dated-comments.txt', 'utf8'), url: 'https://example.org/gas' })
    expect(stored.status).toBe('stored')
    const again = await ingest({ text: readFileSync('tests/fixtures/pages/en-untitled-comments.txt', 'utf8'), url: 'https://example.org/gas' })
    expect(again).toMatchObject({ status: 'duplicate', duplicate: { by: 'url' } })
  })

  it('should refuse other languages and store nothing; a dry run stores nothing either', async () => {
    const count = await database.repos.articles.count()
    expect(await ingest({ text: readFileSync('tests/fixtures/pages/kk.txt', 'utf8') })).toMatchObject({ status: 'rejected', rejection: { code: 'language', language: { en: 'Kazakh' } } })
    const dry = await ingest({ text: readFileSync('tests/fixtures/pages/en-untitled-comments.txt', 'utf8') }, { dryRun: true })
    expect(dry).toMatchObject({ status: 'stored', id: null, dryRun: true })
    expect(await database.repos.articles.count()).toBe(count)
  })
})

describe('ingest with an OpenAI-compatible LLM', () => {
  let database: TestDatabase
  let llm: FakeLlm
  let pages: PageWorkers
  let ingest: Ingest
  let logs: Array<Record<string, unknown>>

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedTopics(database.repos)
    llm = await new FakeLlm().start()
    const memory = memoryLogger()
    logs = memory.lines
    const config = parseConfig({ LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: 'test-key', LLM_MODEL: 'test-model' })
    pages = createPageWorkers()
    ingest = await createNewsPipeline({ repos: database.repos, config: { llm: { ...config.llm!, timeoutMs: 500 } }, logger: memory.logger, pages })
  })
  afterAll(async () => {
    await pages.close()
    await llm.close()
    await database.drop()
  })

  it('should store both languages from one call, keeping the publisher\'s own title', async () => {
    const result = await ingest({ text: ENGLISH_SEED })
    expect(result.status).toBe('stored')
    expect(llm.requests).toHaveLength(1)
    const article = await database.repos.articles.findById(result.status === 'stored' ? result.id! : -1)
    const byLanguage = Object.fromEntries(article!.summaries.map(s => [s.language, s]))
    expect(byLanguage.en).toMatchObject({ method: 'llm', text: VALID_ANSWER.en.summary, teaser: VALID_ANSWER.en.teaser, title: article!.title })
    expect(byLanguage.ru).toMatchObject({ method: 'llm', text: VALID_ANSWER.ru.summary, teaser: VALID_ANSWER.ru.teaser, title: VALID_ANSWER.ru.title })
  })

  const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8')
  it.each([
    ['a wrong-language answer', { kind: 'answer', content: JSON.stringify({ ...VALID_ANSWER, ru: VALID_ANSWER.en }) }, /ru\.title is not in Russian/, () => ({ text: page('en-untitled-comments.txt') })],
    ['malformed JSON', { kind: 'answer', content: 'Sure! Here is the JSON: {' }, /not valid JSON/, () => ({ text: page('ru-dated-comments.txt') })],
    ['a timeout', { kind: 'hang' }, /no answer within 0.5 s/, () => ({ text: RUSSIAN_SEED })],
    ['a 500', { kind: 'status', status: 500, message: 'overloaded' }, /HTTP 500/, () => ({ html: page('article.html') })],
  ] as const)('should keep the extractive summary and log the reason after %s', async (_, behaviour, reason, input) => {
    llm.next(behaviour)
    const result = await ingest(input())
    expect(result.status).toBe('stored')
    const article = await database.repos.articles.findById(result.status === 'stored' ? result.id! : -1)
    expect(article!.summaries.map(s => [s.language, s.method])).toEqual([[article!.language, 'extractive']])
    expect(logs.at(-1)).toMatchObject({ msg: 'LLM summary rejected; keeping the extractive one', reason: expect.stringMatching(reason) })
  })
})
