import iconv from 'iconv-lite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '#root/config.js'
import { createDatabase } from '#root/db/client.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createLogger } from '#root/logger.js'
import type { Ingest } from '#root/news/ingest.js'
import { createSafeFetch } from '#root/net/safe-fetch.js'
import { createPageFetcher } from '#root/news/inputs/fetch-page.js'
import { createPageWorkers, type PageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { seedTopics } from '#root/news/seed.js'
import { readStoredError } from '#root/sources/errors.js'
import type { FeedWorkerOptions } from '#root/sources/feed-workers.js'
import { createSources, type Sources } from '#root/sources/index.js'
import { FeedServer } from '../helpers/feed-server.js'
import { article, articlePage, atom, hoursAgo, itemOf, jsonFeed, rdf, rss2, synthetic, type TestItem } from '../helpers/feeds.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'

const RSS = 'application/rss+xml; charset=utf-8'
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', { pretty: false })
const config = parseConfig({ FETCH_ALLOW_PRIVATE: 'true' })

describe('polling sources', () => {
  let database: TestDatabase
  let server: FeedServer
  let ingest: Ingest
  let sources: Sources
  let pages: PageWorkers

  const safeFetch = createSafeFetch({ allowPrivate: true })
  const make = (options: Parameters<typeof createSources>[0]['poller'] = {}, repos = database.repos, feedWorkers?: FeedWorkerOptions) =>
    createSources({ repos, ingest, config, logger, safeFetch, fetchPage: createPageFetcher(safeFetch), feedWorkers, poller: { feedLimits: { timeoutMs: 2000, maxBytes: 4_000_000, maxRedirects: 5 }, ...options } })

  async function add(url: string) {
    const result = await sources.add(url)
    if (!result.ok)
      throw new Error(`not added: ${JSON.stringify(result.error)}`)
    return result.source
  }
  /** The interval has passed for the sources given (every source without). */
  const due = (...ids: number[]) => ids.length > 0
    ? database.db.$executeRaw`UPDATE sources SET next_poll_at = now() WHERE id = ANY(${ids}::int[])`
    : database.db.$executeRaw`UPDATE sources SET next_poll_at = now()`
  /** Polls what is due; the result of source `id`'s poll. */
  async function pollOnce(id: number) {
    const polled = await sources.poller.runDue()
    const mine = polled.find(p => p.source.id === id)
    if (!mine)
      throw new Error(`source ${id} was not polled`)
    return mine.result
  }
  const articlesOf = (sourceId: number) => database.db.article.findMany({ where: { sourceId }, orderBy: { id: 'asc' } })
  const source = (id: number) => database.db.source.findUniqueOrThrow({ where: { id } })

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedTopics(database.repos)
    pages = createPageWorkers()
    ingest = await createNewsPipeline({ repos: database.repos, config, logger, pages })
    server = await new FeedServer().start()
  })
  beforeEach(() => {
    sources = make()
  })
  afterEach(() => sources.close())
  afterAll(async () => {
    await server.close()
    await pages.close()
    await database.drop()
  })

  it('should store the items of RSS 2.0, RSS 1.0, Atom and JSON feeds with their feed as source, link, date, guid and topics', async () => {
    const now = new Date()
    const feeds = [
      { path: '/formats/rss', type: RSS, body: rss2({ title: 'RSS Outlet', link: server.url('/') }, [itemOf(article('en', 0), '/formats/rss/1?utm_source=feed', hoursAgo(2, now), { guid: 'rss-1' })]) },
      { path: '/formats/rdf', type: 'application/rdf+xml', body: rdf({ title: 'RDF Outlet', link: server.url('/') }, [itemOf(article('en', 1), server.url('/formats/rdf/1'), hoursAgo(3, now))]) },
      { path: '/formats/atom', type: 'application/atom+xml', body: atom({ title: 'Atom Outlet', link: server.url('/'), base: server.url('/formats/') }, [itemOf(article('en', 2), 'atom/1', hoursAgo(4, now), { guid: 'tag:atom,1' })], 'xhtml') },
      { path: '/formats/json', type: 'application/feed+json', body: jsonFeed({ title: 'JSON Outlet', link: server.url('/') }, [itemOf(article('ru', 1), server.url('/formats/json/1'), hoursAgo(5, now), { guid: 'j-1' })]) },
    ]
    const added = []
    for (const feed of feeds) {
      server.set(feed.path, { body: feed.body, contentType: feed.type })
      added.push(await add(server.url(feed.path)))
    }
    expect(added.map(s => [s.title, s.kind])).toEqual([['RSS Outlet', 'rss'], ['RDF Outlet', 'rdf'], ['Atom Outlet', 'atom'], ['JSON Outlet', 'json']])
    const polled = await sources.poller.runDue()
    expect(polled.map(p => p.result.stored).sort()).toEqual([1, 1, 1, 1])

    const expected = [
      { title: article('en', 0).title, url: server.url('/formats/rss/1'), guid: 'rss-1', hours: 2 },
      { title: article('en', 1).title, url: server.url('/formats/rdf/1'), guid: server.url('/formats/rdf/1'), hours: 3 },
      { title: article('en', 2).title, url: server.url('/formats/atom/1'), guid: 'tag:atom,1', hours: 4 },
      { title: article('ru', 1).title, url: server.url('/formats/json/1'), guid: 'j-1', hours: 5 },
    ]
    for (const [i, s] of added.entries()) {
      const [stored] = await articlesOf(s.id)
      expect(stored).toMatchObject({ title: expected[i]!.title, url: expected[i]!.url, guid: expected[i]!.guid, sourceName: s.title })
      // RSS dates have whole seconds
      expect(Math.abs(stored!.publishedAt!.getTime() - hoursAgo(expected[i]!.hours, now).getTime())).toBeLessThan(1000)
      const full = await database.repos.articles.findById(stored!.id)
      expect(full!.topics.length).toBeGreaterThan(0)
      expect(full!.summaries.length).toBeGreaterThan(0)
      expect((await source(s.id)).articlesStored).toBe(1)
    }
    // never pushed as breaking news by themselves
    expect(await database.db.delivery.count({ where: { kind: 'breaking' } })).toBe(0)
  })

  it('should ask again with If-None-Match and If-Modified-Since, store nothing on 304, and take only new items when the feed changes', async () => {
    const modified = new Date(Date.now() - 60_000)
    const items: TestItem[] = [itemOf(article('en', 3), server.url('/cond/1'), hoursAgo(1))]
    server.set('/cond/etag', () => ({ body: rss2({ title: 'ETag Outlet', link: server.url('/') }, items), contentType: RSS, etag: `"v${items.length}"` }))
    server.set('/cond/modified', { body: rss2({ title: 'Modified Outlet', link: server.url('/') }, [itemOf(article('en', 4), server.url('/cond/2'), hoursAgo(1))]), contentType: RSS, lastModified: modified })
    const byEtag = await add(server.url('/cond/etag'))
    const byDate = await add(server.url('/cond/modified'))
    await sources.poller.runDue()
    await due(byEtag.id, byDate.id)
    const second = await sources.poller.runDue()
    expect(second.map(p => p.result.status)).toEqual(['not-modified', 'not-modified'])
    expect(server.requestsTo('/cond/etag').at(-1)).toMatchObject({ status: 304, headers: { 'if-none-match': '"v1"' } })
    expect(server.requestsTo('/cond/modified').at(-1)).toMatchObject({ status: 304, headers: { 'if-modified-since': modified.toUTCString() } })
    expect(await articlesOf(byEtag.id)).toHaveLength(1)
    expect(await articlesOf(byDate.id)).toHaveLength(1)
    expect(await source(byEtag.id)).toMatchObject({ etag: '"v1"', failures: 0 })

    // a new item: a new tag, one new article; the old item is not looked at again
    items.unshift(itemOf(article('en', 5), server.url('/cond/3'), new Date()))
    await due(byEtag.id)
    expect(await pollOnce(byEtag.id)).toMatchObject({ status: 'fetched', stored: 1, duplicates: 0 })
    expect((await articlesOf(byEtag.id)).map(a => a.title)).toEqual([article('en', 3).title, article('en', 5).title])
    expect(await source(byEtag.id)).toMatchObject({ etag: '"v2"', articlesStored: 2 })
  })

  it('should read gzip and windows-1251 (declared in the header or only in the XML prolog)', async () => {
    const ru = [article('ru', 2), article('ru', 3)]
    const body = (encoding: string, a: typeof ru[number], path: string) => iconv.encode(rss2({ title: 'Вести Степи', link: server.url('/'), encoding }, [itemOf(a, server.url(path), hoursAgo(1))]), 'windows-1251')
    server.set('/charset/header', { body: body('utf-8', ru[0]!, '/charset/1'), contentType: 'application/rss+xml; charset=windows-1251', gzip: true })
    server.set('/charset/prolog', { body: body('windows-1251', ru[1]!, '/charset/2'), contentType: 'text/xml', gzip: true })
    const first = await add(server.url('/charset/header'))
    const second = await add(server.url('/charset/prolog'))
    expect([first.title, second.title]).toEqual(['Вести Степи', 'Вести Степи'])
    await sources.poller.runDue()
    expect((await articlesOf(first.id)).map(a => [a.title, a.language])).toEqual([[ru[0]!.title, 'ru']])
    expect((await articlesOf(second.id)).map(a => [a.title, a.language])).toEqual([[ru[1]!.title, 'ru']])
    expect(server.requestsTo('/charset/prolog').at(-1)!.headers['accept-encoding']).toMatch(/gzip/)
  })

  it('should follow redirects to the feed, and refuse a redirect loop, a 404, a huge feed and malformed XML with their reasons', async () => {
    server.set('/moved', { status: 301, headers: { location: '/moved/here' } })
    server.set('/moved/here', { body: rss2({ title: 'Moved Outlet', link: server.url('/') }, []), contentType: RSS })
    const moved = await add(server.url('/moved'))
    expect(moved.feedUrl).toBe(server.url('/moved/here'))

    server.set('/loop', { status: 302, headers: { location: '/loop' } })
    server.set('/huge', { body: `<rss version="2.0"><channel><title>Huge</title>${'<item><title>x</title></item>'.repeat(200_000)}</channel></rss>`, contentType: RSS })
    server.set('/malformed', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>a</item></channel></rss>', contentType: RSS })
    const errors = []
    for (const path of ['/loop', '/nothing-here', '/huge', '/malformed']) {
      const result = await sources.add(server.url(path))
      errors.push(result.ok ? undefined : result.error.code)
    }
    expect(errors).toEqual(['redirects', 'http-status', 'too-large', 'malformed'])
    expect(await database.repos.sources.findByFeedUrl(server.url('/malformed'))).toBeNull()
  })

  it('should back off after 404, 410 and 500, show the last error, turn failing after a day, and recover', async () => {
    let status = 200
    server.set('/flaky', () => status === 200
      ? { body: rss2({ title: 'Flaky Outlet', link: server.url('/') }, [itemOf(article('en', 6), server.url('/flaky/1'), hoursAgo(1))]), contentType: RSS }
      : { status, body: 'error', contentType: 'text/plain' })
    status = 200
    const flaky = await add(server.url('/flaky'))
    const waits: number[] = []
    for (const code of [404, 410, 500]) {
      status = code
      await due(flaky.id)
      expect(await pollOnce(flaky.id)).toMatchObject({ status: 'failed', error: { code: 'http-status', args: { status: code } } })
      const row = await source(flaky.id)
      waits.push(row.nextPollAt.getTime() - row.lastPolledAt!.getTime())
      expect(readStoredError(row.lastError)).toMatchObject({ code: 'http-status', args: { status: code } })
    }
    // 600 s, then doubled per failure
    expect(waits.map(ms => Math.round(ms / 60_000))).toEqual([10, 20, 40])
    expect(await source(flaky.id)).toMatchObject({ failures: 3, state: 'active' })

    // failing for a day: shown as failing, still polled
    await database.db.$executeRaw`UPDATE sources SET created_at = now() - interval '25 hours' WHERE id = ${flaky.id}`
    await due(flaky.id)
    await pollOnce(flaky.id)
    expect(await source(flaky.id)).toMatchObject({ failures: 4, state: 'failing' })

    status = 200
    await due(flaky.id)
    expect(await pollOnce(flaky.id)).toMatchObject({ status: 'fetched', stored: 1 })
    expect(await source(flaky.id)).toMatchObject({ failures: 0, state: 'active', lastError: null })
  })

  it('should honour Retry-After on 429 and 503', async () => {
    server.set('/busy', { status: 429, headers: { 'retry-after': '7200' }, body: 'slow down' })
    server.set('/busy/ok', { body: rss2({ title: 'Busy Outlet', link: server.url('/') }, []), contentType: RSS })
    const busy = await add(server.url('/busy/ok'))
    await database.db.$executeRaw`UPDATE sources SET feed_url = ${server.url('/busy')}, next_poll_at = now() WHERE id = ${busy.id}`
    await sources.poller.runDue()
    const row = await source(busy.id)
    expect(Math.round((row.nextPollAt.getTime() - row.lastPolledAt!.getTime()) / 60_000)).toBe(120)
  })

  it('should not let a slow drip delay another source, and give up on it at its time limit', async () => {
    server.set('/drip/ok', { body: rss2({ title: 'Drip Outlet', link: server.url('/') }, []), contentType: RSS })
    server.set('/fast', { body: rss2({ title: 'Fast Outlet', link: server.url('/') }, [itemOf(synthetic('en', 0), server.url('/fast/1'), hoursAgo(1))]), contentType: RSS })
    const slow = await add(server.url('/drip/ok'))
    await database.db.$executeRaw`UPDATE sources SET feed_url = ${server.url('/drip')} WHERE id = ${slow.id}`
    server.set('/drip', { contentType: RSS, drip: 100 })
    const fast = await add(server.url('/fast'))
    const started = Date.now()
    let done = false
    const run = sources.poller.runDue().then(() => (done = true))
    // the fast source's article is in while the drip still holds its own slot
    await eventually(async () => (await articlesOf(fast.id)).length === 1)
    expect(done).toBe(false)
    await run
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
    expect(readStoredError((await source(slow.id)).lastError)).toMatchObject({ code: 'timeout' })
  })

  it('should read a hostile feed off the event loop and refuse it when it takes too long, while other sources go on', async () => {
    const hostileSources = make({}, database.repos, { budgetMs: 300 })
    try {
      server.set('/hostile', { body: rss2({ title: 'Hostile Outlet', link: server.url('/') }, []), contentType: RSS })
      server.set('/calm', { body: rss2({ title: 'Calm Outlet', link: server.url('/') }, [itemOf(synthetic('en', 700), server.url('/calm/1'), hoursAgo(1))]), contentType: RSS })
      const hostile = (await hostileSources.add(server.url('/hostile')))
      const calm = (await hostileSources.add(server.url('/calm')))
      if (!hostile.ok || !calm.ok)
        throw new Error('not added')
      server.set('/hostile', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title><description>${'<a>'.repeat(100_000)}</description></item></channel></rss>`, contentType: RSS })
      // the event loop keeps turning while the feed is read
      let turns = 0
      const timer = setInterval(() => turns++, 20)
      const polled = await hostileSources.poller.runDue()
      clearInterval(timer)
      expect(polled.find(p => p.source.id === hostile.source.id)?.result.error).toMatchObject({ code: 'too-complex' })
      expect(polled.find(p => p.source.id === calm.source.id)?.result).toMatchObject({ status: 'fetched', stored: 1 })
      expect(turns).toBeGreaterThan(5)
    }
    finally {
      await hostileSources.close()
    }
  })

  it('should store an item that two feeds carry (with different tracking tags) once', async () => {
    const shared = synthetic('en', 1)
    server.set('/twin/a', { body: rss2({ title: 'Twin A', link: server.url('/') }, [itemOf(shared, server.url('/twin/story?utm_source=a'), hoursAgo(1))]), contentType: RSS })
    server.set('/twin/b', { body: rss2({ title: 'Twin B', link: server.url('/') }, [itemOf(shared, server.url('/twin/story?utm_source=b&utm_campaign=x'), hoursAgo(1), { guid: 'b-1' })]), contentType: RSS })
    server.set('/twin/c', { body: atom({ title: 'Twin C', link: server.url('/') }, [itemOf(shared, server.url('/elsewhere/story'), hoursAgo(1), { guid: 'c-1' })]), contentType: 'application/atom+xml' })
    const sourcesAdded = [await add(server.url('/twin/a')), await add(server.url('/twin/b')), await add(server.url('/twin/c'))]
    const polled = await sources.poller.runDue()
    const results = sourcesAdded.map(s => polled.find(p => p.source.id === s.id)!.result)
    // polled at once: whichever comes first stores it, the others find it
    expect(results.map(r => r.stored + r.duplicates)).toEqual([1, 1, 1])
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(1)
    expect(await database.db.article.count({ where: { title: shared.title } })).toBe(1)
    const items = await database.db.sourceItem.findMany({ where: { sourceId: { in: sourcesAdded.map(s => s.id) } } })
    expect(new Set(items.map(i => i.articleId)).size).toBe(1)
  })

  it('should fetch the page of a teaser item, and keep the teaser when the page fails', async () => {
    const full = synthetic('en', 2)
    const teaser = synthetic('en', 3)
    server.set('/teaser/1', { body: articlePage(full, 'Teaser Site'), contentType: 'text/html; charset=utf-8' })
    server.set('/teasers', {
      body: rss2({ title: 'Teaser Outlet', link: server.url('/') }, [
        { title: full.title, link: server.url('/teaser/1'), date: hoursAgo(1), description: full.paragraphs[0]!.slice(0, 180) },
        { title: teaser.title, link: server.url('/teaser/gone'), date: hoursAgo(2), description: teaser.paragraphs[0] },
      ]),
      contentType: RSS,
    })
    const outlet = await add(server.url('/teasers'))
    await sources.poller.runDue()
    expect(server.requestsTo('/teaser/1')).toHaveLength(1)
    expect(server.requestsTo('/teaser/gone')).toHaveLength(1)
    const [page, kept] = await articlesOf(outlet.id)
    expect(page).toMatchObject({ title: full.title, sourceName: 'Teaser Outlet', url: server.url('/teaser/1') })
    expect(page!.body.split('\n\n')).toEqual(full.paragraphs)
    expect(kept).toMatchObject({ title: teaser.title, url: server.url('/teaser/gone'), body: teaser.paragraphs[0] })
  })

  it('should take at most the 30 newest items and none older than 3 days on the first poll, and every new one later', async () => {
    const items = Array.from({ length: 40 }, (_, i) => itemOf(synthetic('en', 100 + i), server.url(`/many/${i}`), hoursAgo(i + 1)))
    items.push(itemOf(synthetic('en', 200), server.url('/many/old'), hoursAgo(24 * 4)))
    server.set('/many', () => ({ body: rss2({ title: 'Busy Outlet', link: server.url('/') }, items), contentType: RSS }))
    const busy = await add(server.url('/many'))
    expect(await pollOnce(busy.id)).toMatchObject({ stored: 30, skipped: 11 })
    const stored = await articlesOf(busy.id)
    expect(new Set(stored.map(a => a.url))).toEqual(new Set(items.slice(0, 30).map(i => i.link)))

    items.unshift(itemOf(synthetic('en', 201), server.url('/many/new1'), new Date()), itemOf(synthetic('en', 202), server.url('/many/new2'), new Date()))
    await due(busy.id)
    expect(await pollOnce(busy.id)).toMatchObject({ stored: 2, skipped: 0 })
    expect(await database.db.sourceItem.count({ where: { sourceId: busy.id, outcome: 'skipped' } })).toBe(11)
  })

  it('should count items in other languages as refused', async () => {
    const uzbek = 'Oʻzbekiston Respublikasi Prezidenti Toshkent shahrida yangi maktab binosini ochdi. Maktabda ming nafar oʻquvchi taʼlim oladi va zamonaviy kompyuter xonalari bor. Hokimiyat vakillari yana oʻnta maktab qurilishini aytdi. Ota-onalar yangi maktabdan mamnun ekanliklarini bildirishdi va oʻqituvchilar soni ham oshirilishini soʻrashdi.'
    server.set('/uz', { body: rss2({ title: 'Uzbek Outlet', link: server.url('/') }, [{ title: 'Yangi maktab', link: server.url('/uz/1'), date: hoursAgo(1), html: `<p>${uzbek}</p><p>${uzbek}</p>` }]), contentType: RSS })
    const uz = await add(server.url('/uz'))
    expect(await pollOnce(uz.id)).toMatchObject({ stored: 0, refused: 1 })
    expect(await source(uz.id)).toMatchObject({ itemsRefused: 1, articlesStored: 0 })
  })

  it('should poll each source once per interval and store each item once with two pollers on one database', async () => {
    const other = createDatabase(database.url)
    try {
      // two polls at a time each: both take part
      const a = make({ concurrency: 1 }, database.repos)
      const b = make({ concurrency: 1 }, createRepositories(other, { cacheMs: 0 }))
      const paths = Array.from({ length: 6 }, (_, i) => `/pair/${i}`)
      for (const [i, path] of paths.entries()) {
        server.set(path, { body: rss2({ title: `Pair ${i}`, link: server.url('/') }, [0, 1, 2].map(k => itemOf(synthetic('en', 300 + i * 3 + k), server.url(`${path}/${k}`), hoursAgo(k + 1)))), contentType: RSS, etag: `"p${i}"`, delayMs: 50 })
        await add(server.url(path))
      }
      await database.db.$executeRaw`UPDATE sources SET next_poll_at = now() + interval '1 hour' WHERE feed_url NOT LIKE ${`${server.url('/pair/')}%`}`
      // adding fetched each feed once
      for (let round = 1; round <= 2; round++) {
        const [fromA, fromB] = await Promise.all([a.poller.runDue(), b.poller.runDue()])
        expect(fromA.length + fromB.length).toBe(6)
        expect(fromA.length * fromB.length).toBeGreaterThan(0)
        for (const path of paths)
          expect(server.requestsTo(path)).toHaveLength(1 + round)
        await database.db.$executeRaw`UPDATE sources SET next_poll_at = now() WHERE feed_url LIKE ${`${server.url('/pair/')}%`}`
      }
      const stored = await database.db.article.findMany({ where: { url: { startsWith: server.url('/pair/') } } })
      expect(stored).toHaveLength(18)
      expect(paths.every(path => server.requestsTo(path)[2]!.status === 304)).toBe(true)
      await Promise.all([a.close(), b.close()])
    }
    finally {
      await other.$disconnect()
    }
  })

  it('should put new feed articles in the next digest of a chat on their topics, like any other article', async () => {
    const chatId = 777_001
    await database.repos.chats.register({ id: chatId, type: 'private', title: null, uiLanguage: 'en', timeZone: 'UTC', digestTime: '09:00' })
    const kazakhstan = (await database.repos.topics.list()).find(t => t.slug === 'kazakhstan')!
    await database.repos.chats.subscribe(chatId, kazakhstan.id)
    // the chat's last digest went out just before this poll (after the stories of the tests before: a
    // digest holds at most 3 stories of a topic, and theirs are newer than this one)
    await database.db.chat.update({ where: { id: BigInt(chatId) }, data: { lastDigestAt: new Date(Date.now() - 1000) } })
    // an event of its own: the synthetic texts of the tests before share paragraphs, so they group into stories
    const story = { title: 'Kazakhstan and Kyrgyzstan open a joint customs post near Almaty', paragraphs: [
      'Customs officers of Kazakhstan and Kyrgyzstan opened a joint inspection post at the Karasu crossing near Almaty, where lorries will now be checked once instead of twice.',
      'The post has eight lanes and a laboratory for grain and fruit, and officials expect waiting times at the crossing to fall from a day to about four hours.',
      'Traders from Osh and Shymkent welcomed the change, saying the double checks had cost them spoiled produce every summer.',
    ] }
    server.set('/digest', { body: rss2({ title: 'Digest Outlet', link: server.url('/') }, [itemOf(story, server.url('/digest/1'), hoursAgo(30))]), contentType: RSS })
    const outlet = await add(server.url('/digest'))
    expect(await pollOnce(outlet.id)).toMatchObject({ stored: 1 })
    const [stored] = await articlesOf(outlet.id)
    await database.repos.deliveries.planDigests([{ chatId: BigInt(chatId), periodKey: '2099-01-01' }], new Date())
    const planned = await database.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(chatId), kind: 'digest' } })
    // published 30 hours ago, ingested now: it is new to this chat
    expect(planned.articleIds).toContain(stored!.id)
    expect(await database.db.delivery.count({ where: { kind: 'breaking' } })).toBe(0)
  })

  it('should give a source back when stopped mid-poll, and leave its remaining items to the next poller', async () => {
    const stories = [0, 1, 2, 3, 4].map(i => synthetic('en', 600 + i))
    for (const [i, story] of stories.entries())
      server.set(`/slowpages/${i}`, { body: articlePage(story, 'Slow Site'), contentType: 'text/html', delayMs: 300 })
    server.set('/slowpages', { body: rss2({ title: 'Slow Pages', link: server.url('/') }, stories.map((story, i) => ({ title: story.title, link: server.url(`/slowpages/${i}`), date: hoursAgo(i + 1), description: 'A teaser.' }))), contentType: RSS, etag: '"slow"' })
    const slow = await add(server.url('/slowpages'))
    const first = make()
    const running = first.poller.runDue()
    await eventually(async () => (await articlesOf(slow.id)).length >= 1)
    await first.poller.stop()
    await running
    await first.close()
    const storedBefore = (await articlesOf(slow.id)).length
    expect(storedBefore).toBeLessThan(5)
    expect(await source(slow.id)).toMatchObject({ leaseUntil: null, claimToken: null, etag: null, articlesStored: storedBefore })
    expect(await database.db.sourceItem.count({ where: { sourceId: slow.id, outcome: 'pending' } })).toBe(0)

    expect(await pollOnce(slow.id)).toMatchObject({ status: 'fetched', stored: 5 - storedBefore })
    expect((await articlesOf(slow.id)).map(a => a.title).sort()).toEqual(stories.map(st => st.title).sort())
    expect(await source(slow.id)).toMatchObject({ etag: '"slow"', articlesStored: 5 })
  })

  it('should stop polling a removed source, keep its articles, and poll a resumed one at once', async () => {
    server.set('/removed', { body: rss2({ title: 'Removed Outlet', link: server.url('/') }, [itemOf(synthetic('en', 400), server.url('/removed/1'), hoursAgo(1))]), contentType: RSS })
    const gone = await add(server.url('/removed'))
    await sources.poller.runDue()
    expect(await articlesOf(gone.id)).toHaveLength(1)
    await database.repos.sources.setPaused(gone.id, true)
    await due(gone.id)
    expect((await sources.poller.runDue()).some(p => p.source.id === gone.id)).toBe(false)
    await database.repos.sources.setPaused(gone.id, false)
    expect((await sources.poller.runDue()).some(p => p.source.id === gone.id)).toBe(true)
    await database.repos.sources.remove(gone.id)
    await due(gone.id)
    const before = server.requestsTo('/removed').length
    await sources.poller.runDue()
    expect(server.requestsTo('/removed')).toHaveLength(before)
    expect(await articlesOf(gone.id)).toHaveLength(1)
    expect(await database.repos.sources.find(gone.id)).toBeNull()
  })
})
