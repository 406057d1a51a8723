import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ID, type RunningBot, startTestBot } from '../helpers/bot.js'
import { buttons, TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { FakeBotApi } from '../helpers/fake-bot-api.js'
import { FeedServer } from '../helpers/feed-server.js'
import { article, atom, hoursAgo, itemOf, pageAdvertising, rss2, synthetic, type TestItem } from '../helpers/feeds.js'

const RSS = 'application/rss+xml; charset=utf-8'

describe('/addsource, /sources, /removesource', () => {
  let database: TestDatabase
  let api: FakeBotApi
  let running: RunningBot
  let server: FeedServer

  beforeAll(async () => {
    database = await createTestDatabase()
    api = await new FakeBotApi().start()
    running = await startTestBot(database, { api, rateLimit: false, env: { FETCH_ALLOW_PRIVATE: 'true' } })
    server = await new FeedServer().start()
    server.set('/en.xml', { body: rss2({ title: 'Steppe Times', link: server.url('/') }, [itemOf(article('en', 0), server.url('/en/1'), hoursAgo(1)), itemOf(article('en', 1), server.url('/en/2'), hoursAgo(2))]), contentType: RSS })
    server.set('/site', { body: pageAdvertising('Oasis Daily', [{ href: '/atom.xml', type: 'application/atom+xml' }, { href: '/comments.xml', type: 'application/rss+xml' }]), contentType: 'text/html; charset=utf-8' })
    server.set('/atom.xml', { body: atom({ title: 'Oasis Daily', link: server.url('/site') }, [itemOf(article('en', 2), server.url('/oasis/1'), hoursAgo(1))]), contentType: 'application/atom+xml' })
    server.set('/broken.xml', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</item></channel></rss>', contentType: RSS })
    server.set('/page', { body: '<html><head><title>No feeds</title></head><body><p>Hello</p></body></html>', contentType: 'text/html' })
  })
  afterAll(async () => {
    await running.stop()
    await api.close()
    await server.close()
    await database.drop()
  })

  it('should refuse every source command and button to anyone but an admin, changing nothing', async () => {
    const stranger = new TestChat(api, 5001)
    for (const command of [`/addsource ${server.url('/en.xml')}`, '/sources', '/removesource 1'])
      expect(await stranger.ask(command)).toBe('Sorry, only the bot\'s admins can do that.')
    expect(await new TestChat(api, 5002, 'ru').ask('/sources')).toBe('Простите, это могут только администраторы бота.')
    expect(server.requests).toHaveLength(0)
    expect(await database.repos.sources.count()).toBe(0)
  })

  it('should add a feed at once, answering with its title and item count, and refuse it a second time naming it', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    const [checking, added] = await admin.send(`/addsource ${server.url('/en.xml')}`, 2)
    expect(checking!.text).toBe(`Checking ${server.url('/en.xml')}…`)
    const source = await database.repos.sources.findByFeedUrl(server.url('/en.xml'))
    expect(added!.text).toBe(`Following Steppe Times as source #${source!.id}: the feed lists 2 items. Its new articles (at most 30 and none older than 3 days on this first poll) will appear in /latest after the next poll.`)
    const [, again] = await admin.send(`/addsource ${server.url('/en.xml')}`, 2)
    expect(again!.text).toBe(`Could not add ${server.url('/en.xml')}: this feed is already followed as source #${source!.id} (Steppe Times).`)
  })

  it('should follow the feed a site page advertises and mention the others', async () => {
    const [, added] = await new TestChat(api, ADMIN_ID).send(`/addsource ${server.url('/site')}`, 2)
    expect(added!.text).toMatch(/^Following Oasis Daily as source #\d+: the feed lists one item\./)
    expect(added!.text).toContain(`This page also advertises: ${server.url('/comments.xml')}.`)
    expect(await database.repos.sources.findByFeedUrl(server.url('/atom.xml'))).toMatchObject({ kind: 'atom', url: server.url('/site') })
  })

  it('should refuse what is not a feed with a clear reason, in the admin\'s language', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    const reason = async (chat: TestChat, url: string) => (await chat.send(`/addsource ${url}`, 2))[1]!.text
    expect(await reason(admin, server.url('/broken.xml'))).toMatch(/^Could not add .*: the feed is not valid XML \(malformed XML/)
    expect(await reason(admin, server.url('/page'))).toBe(`Could not add ${server.url('/page')}: that page advertises no feed (no RSS, Atom or JSON Feed link in its head).`)
    expect(await reason(admin, server.url('/gone'))).toBe(`Could not add ${server.url('/gone')}: the server answered HTTP 404 Not Found.`)
    expect(await reason(admin, 'ftp://files.example/feed')).toBe('Could not add ftp://files.example/feed: that is not a web address (http:// or https://).')
    expect(await admin.ask('/addsource')).toBe('Send a feed\'s address, or a site page that advertises its feed, e.g. /addsource https://outlet.example/')
    const russian = new TestChat(api, ADMIN_ID, 'ru')
    expect(await reason(russian, server.url('/page'))).toBe(`Не удалось добавить ${server.url('/page')}: эта страница не ссылается ни на одну ленту (в её заголовке нет ссылок на RSS, Atom или JSON Feed).`)
    expect(await database.repos.sources.count()).toBe(2)
  })

  it('should refuse private addresses unless FETCH_ALLOW_PRIVATE is set', async () => {
    const strictApi = await new FakeBotApi().start()
    const strict = await startTestBot(database, { api: strictApi, rateLimit: false })
    try {
      const before = server.requests.length
      const [, refused] = await new TestChat(strictApi, ADMIN_ID).send(`/addsource ${server.url('/private.xml')}`, 2)
      expect(refused!.text).toBe(`Could not add ${server.url('/private.xml')}: 127.0.0.1 is a local or private address: such links are not fetched.`)
      expect(server.requests).toHaveLength(before)
    }
    finally {
      await strict.stop()
      await strictApi.close()
    }
  })

  it('should list sources with their state, last poll and articles, and pause, resume and remove them with buttons', async () => {
    await running.deps.sources.poller.runDue()
    const admin = new TestChat(api, ADMIN_ID, 'en')
    const [list] = await admin.send('/sources')
    const steppe = (await database.repos.sources.findByFeedUrl(server.url('/en.xml')))!
    expect(list!.text).toMatch(new RegExp(`^Sources: 2, page 1 of 1\\n\\n#${steppe.id} Steppe Times · active\\n${server.url('/en.xml').replace(/\./g, '\\.')}\\nLast successful poll: .+ · 2 articles stored, 0 refused`))
    expect(buttons(list!).map(b => b.text)).toEqual([`Pause #${steppe.id}`, `Remove #${steppe.id}`, `Pause #${steppe.id + 1}`, `Remove #${steppe.id + 1}`])

    // a stranger's press changes nothing
    await new TestChat(api, 5003).press(list!, `Pause #${steppe.id}`, { replies: 0 })
    expect((await database.repos.sources.find(steppe.id))!.state).toBe('active')

    await admin.press(list!, `Pause #${steppe.id}`, { edit: true })
    expect((await database.repos.sources.find(steppe.id))!.state).toBe('paused')
    expect(list!.text).toContain(`#${steppe.id} Steppe Times · paused`)
    await admin.press(list!, `Resume #${steppe.id}`, { edit: true })
    expect((await database.repos.sources.find(steppe.id))!.state).toBe('active')
    await admin.press(list!, `Remove #${steppe.id}`, { edit: true })
    expect(await database.repos.sources.find(steppe.id)).toBeNull()
    expect(list!.text).not.toContain('Steppe Times')
    // its articles stay
    expect(await database.db.article.count({ where: { sourceId: steppe.id, deletedAt: null } })).toBe(2)
  })

  it('should remove a source with /removesource, and say when there is none', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    const oasis = (await database.repos.sources.findByFeedUrl(server.url('/atom.xml')))!
    expect(await admin.ask(`/removesource ${oasis.id}`)).toBe(`Source #${oasis.id} (Oasis Daily) is removed: it is no longer polled; its articles stay.`)
    expect(await admin.ask(`/removesource ${oasis.id}`)).toBe(`There is no source #${oasis.id}, or it was removed. /sources lists them.`)
    expect(await admin.ask('/removesource everything')).toBe('Give the source\'s id, e.g. /removesource 3 (/sources lists them).')
    expect(await admin.ask('/sources')).toBe('No sources yet. Add one with /addsource followed by a feed\'s or a site\'s address.')
  })

  it('should page a long list', async () => {
    for (let i = 0; i < 10; i++)
      await database.repos.sources.add({ url: `https://outlet${i}.example/`, feedUrl: `https://outlet${i}.example/feed`, kind: 'rss', title: `Outlet ${i}` })
    const admin = new TestChat(api, ADMIN_ID)
    const [first] = await admin.send('/sources')
    expect(first!.text).toMatch(/^Sources: 10, page 1 of 2/)
    expect(first!.text).toContain('Outlet 7')
    expect(first!.text).not.toContain('Outlet 8')
    await admin.press(first!, 'Next ›', { edit: true })
    expect(first!.text).toMatch(/^Sources: 10, page 2 of 2/)
    expect(first!.text).toContain('Outlet 9')
    expect(buttons(first!).map(b => b.text)).toContain('‹ Previous')
  })
})

describe('sources end to end (SOURCE_POLL_INTERVAL=5, the poller running)', () => {
  let database: TestDatabase
  let api: FakeBotApi
  let running: RunningBot
  let server: FeedServer
  const english: TestItem[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    api = await new FakeBotApi().start()
    running = await startTestBot(database, { api, rateLimit: false, env: { FETCH_ALLOW_PRIVATE: 'true', SOURCE_POLL_INTERVAL: '5' } })
    running.deps.sources.poller.start()
    server = await new FeedServer().start()
    english.push(itemOf(article('en', 3), server.url('/en/1'), hoursAgo(1)))
    server.set('/en.xml', () => ({ body: rss2({ title: 'Steppe Times', link: server.url('/') }, english), contentType: RSS, etag: `"en-${english.length}"` }))
    server.set('/ru.xml', { body: iconv.encode(rss2({ title: 'Вести Степи', link: server.url('/'), encoding: 'windows-1251' }, [itemOf(article('ru', 4), server.url('/ru/1'), hoursAgo(1))]), 'windows-1251'), contentType: 'text/xml', lastModified: new Date(Date.now() - 3_600_000) })
    server.set('/site', { body: pageAdvertising('Oasis Daily', [{ href: '/atom.xml', type: 'application/atom+xml' }]), contentType: 'text/html' })
    server.set('/atom.xml', { body: atom({ title: 'Oasis Daily', link: server.url('/site') }, [itemOf(synthetic('en', 500), server.url('/oasis/1'), hoursAgo(2))]), contentType: 'application/atom+xml', etag: '"atom-1"' })
    server.set('/broken.xml', { body: '<rss version="2.0"><channel><title>Broken</title><item><title>x</item></channel>', contentType: RSS })
  })
  afterAll(async () => {
    await running.stop()
    await api.close()
    await server.close()
    await database.drop()
  })

  it('should bring the items of an English RSS feed, a Russian windows-1251 feed and a site\'s Atom feed to /latest, then new ones, then ask with 304s', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    for (const path of ['/en.xml', '/ru.xml', '/site'])
      expect((await admin.send(`/addsource ${server.url(path)}`, 2))[1]!.text).toMatch(/^Following (Steppe Times|Вести Степи|Oasis Daily) as source #\d+/)
    expect((await admin.send(`/addsource ${server.url('/broken.xml')}`, 2))[1]!.text).toMatch(/the feed is not valid XML/)
    const titles = [article('en', 3).title, article('ru', 4).title, synthetic('en', 500).title]
    // within two polls (5 s apart)
    await eventually(async () => {
      const latest = await admin.ask('/latest 10')
      return titles.every(t => latest.includes(t))
    }, 12_000)

    english.unshift(itemOf(article('en', 4), server.url('/en/2'), new Date()))
    await eventually(async () => (await admin.ask('/latest 10')).includes(article('en', 4).title), 12_000)

    // later polls are conditional: 304s for ETag and Last-Modified alike
    await eventually(() => ['/en.xml', '/ru.xml', '/atom.xml'].every(path => server.requestsTo(path).at(-1)?.status === 304), 12_000)
    expect(server.requestsTo('/ru.xml').at(-1)!.headers['if-modified-since']).toBeDefined()
    expect(server.requestsTo('/en.xml').at(-1)!.headers['if-none-match']).toBe('"en-2"')
    // each article once
    expect(await database.db.article.count({ where: { sourceId: { not: null } } })).toBe(4)
  }, 60_000)
})
