import { randomUUID } from 'node:crypto'
import type { InlineQueryResultArticle, InputTextMessageContent } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningBot, startTestBot } from '../helpers/bot.js'
import { TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { type InlineAnswer, inlineQuery } from '../helpers/fake-bot-api.js'
import { parseTelegramHtml } from '../helpers/telegram-html.js'

const ENGLISH_TITLE = 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten'
const RUSSIAN_TITLE = 'Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…'

describe('inline mode', () => {
  let database: TestDatabase
  let running: RunningBot
  let seedIds: number[]

  /** Types `@bot <query>` and returns the bot's answer. */
  async function ask(query: string, options: { userId?: number, languageCode?: string } = {}): Promise<InlineAnswer> {
    const update = inlineQuery(query, options)
    running.api.pushUpdate(update)
    return running.api.waitFor(() => running.api.inlineAnswers.find(a => a.inlineQueryId === update.inline_query!.id))
  }
  const articles = (answer: InlineAnswer) => answer.results as InlineQueryResultArticle[]
  const message = (result: InlineQueryResultArticle) => result.input_message_content as InputTextMessageContent

  async function addArticle(title: string, slugs: string[]): Promise<number> {
    const topicIds = new Map((await database.repos.topics.list()).map(t => [t.slug, t.id]))
    // through the bot's own repository: its in-memory pages are cleared at once
    return running.deps.repos.articles.create({
      title, body: title, language: 'en', sourceName: 'Test <News> & Co', url: `https://example.org/${randomUUID()}?a=1&b=2`,
      publishedAt: new Date('2020-01-01T00:00:00Z'), contentHash: randomUUID(), fingerprint: [],
      topics: slugs.map(slug => ({ slug, score: 5 })), summary: { text: title, teaser: title },
    }, [{ language: 'en', title, text: `Summary: ${title}`, teaser: `Teaser: ${title}`, method: 'manual' }], topicIds, { keys: [], features: { names: [], numbers: [], dates: [], terms: [] }, stems: '' }).then(created => created.id)
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
    seedIds = (await database.repos.articles.latest(10)).map(a => a.id)
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should offer the seed items for "kazakhstan", as articles whose message is the rendered item', async () => {
    const answer = await ask('kazakhstan')
    expect(answer.cacheTime).toBe(10)
    expect(answer.isPersonal).toBe(true)
    const results = articles(answer)
    expect(results.map(r => r.id).sort()).toEqual(seedIds.map(id => `item-${id}`).sort())
    expect(results.map(r => r.title)).toContain(ENGLISH_TITLE)
    const english = results.find(r => r.title === ENGLISH_TITLE)!
    expect(message(english).parse_mode).toBe('HTML')
    expect(message(english).message_text).toContain(`<b>${ENGLISH_TITLE}</b>`)
    expect(message(english).message_text).toContain('#kazakhstan')
    // the same in Russian, and as a hashtag
    expect(articles(await ask('Казахстан')).map(r => r.id).sort()).toEqual(results.map(r => r.id).sort())
    expect(articles(await ask('#kazakhstan')).map(r => r.id).sort()).toEqual(results.map(r => r.id).sort())
  })

  it('should render the items in the user\'s language: their chat\'s digest language, else Telegram\'s', async () => {
    const russian = articles(await ask('kazakhstan', { userId: 6001, languageCode: 'ru' }))
    expect(russian.map(r => r.title)).toContain(RUSSIAN_TITLE)
    expect(message(russian.find(r => r.title === RUSSIAN_TITLE)!).message_text).toContain('Поделиться')
    const chat = new TestChat(running.api, 6002, 'en')
    await chat.send('/lang ru')
    const theirs = articles(await ask('kazakhstan', { userId: 6002, languageCode: 'en' }))
    expect(theirs.map(r => r.title)).toContain(RUSSIAN_TITLE)
  })

  it('should search other words like /search, and find one item by #id', async () => {
    const found = articles(await ask('Decker'))
    expect(found.map(r => r.title)).toEqual([ENGLISH_TITLE])
    expect(articles(await ask('zzzqqq nothing like this'))).toEqual([])
    const one = articles(await ask(`#${seedIds[0]}`))
    expect(one.map(r => r.id)).toEqual([`item-${seedIds[0]}`])
    expect(articles(await ask('#999999999'))).toEqual([])
  })

  it('should escape article text in the message and keep it within Telegram\'s rules', async () => {
    const id = await addArticle('Tokens <b>bold</b> & "quoted" </i>', ['energy'])
    const [result] = articles(await ask(`#${id}`))
    expect(result!.title).toBe('Tokens <b>bold</b> & "quoted" </i>')
    const html = message(result!).message_text
    expect(html).toContain('<b>Tokens &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &lt;/i&gt;</b>')
    expect(html).toContain('Test &lt;News&gt; &amp; Co')
    expect(parseTelegramHtml(html).ok).toBe(true)
    expect(result!.description).toBe('Teaser: Tokens <b>bold</b> & "quoted" </i>')
  })

  it('should answer at most 20 distinct items for an empty query or a bigger topic, and bound a hostile query', async () => {
    for (let i = 0; i < 25; i++)
      await addArticle(`Energy item number ${i}`, ['energy'])
    const latest = articles(await ask(''))
    expect(latest).toHaveLength(20)
    expect(new Set(latest.map(r => r.id)).size).toBe(20)
    expect(articles(await ask('energy'))).toHaveLength(20)
    // control characters and a query longer than any command argument: answered, not crashed
    const hostile = articles(await ask(`energy\u0000\u0007 ${'x'.repeat(400)} '); DROP TABLE articles; --`))
    expect(hostile.length).toBeLessThanOrEqual(20)
    expect(await database.repos.articles.count()).toBeGreaterThan(25)
  })
})
