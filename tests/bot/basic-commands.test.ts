import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestBot, type RunningBot } from '../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { textMessage } from '../helpers/fake-bot-api.js'

describe('the bot over the Bot API (long polling)', () => {
  let database: TestDatabase
  let running: RunningBot

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database)
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should fetch its identity with getMe and poll with getUpdates', async () => {
    await running.api.waitFor(() => running.api.calls.some(c => c.method === 'getUpdates'))
    expect(running.api.calls[0]?.method).toBe('getMe')
    expect(running.bot.botInfo.username).toBe('test_news_bot')
  })

  it('should greet on /start and register the chat in English', async () => {
    running.api.pushUpdate(textMessage('/start', { userId: 501, languageCode: 'en' }))
    const reply = await running.api.waitForMessage(501)
    expect(reply.text).toMatch(/^Hello, Test! I turn news about Kazakhstan/)
    expect(await database.repos.chats.find(501)).toMatchObject({ type: 'private', uiLanguage: 'en', digestLanguage: 'en', state: 'active', timeZone: 'UTC', digestTime: '09:00' })
  })

  it('should greet in Russian and store Russian when Telegram says ru', async () => {
    running.api.pushUpdate(textMessage('/start', { userId: 502, languageCode: 'ru' }))
    const reply = await running.api.waitForMessage(502)
    expect(reply.text).toMatch(/^Здравствуйте, Test!/)
    expect((await database.repos.chats.find(502))?.uiLanguage).toBe('ru')
  })

  it('should answer /help in the chat\'s stored language', async () => {
    running.api.pushUpdate(textMessage('/help', { userId: 502, languageCode: 'en' }))
    const reply = await running.api.waitForMessage(502, 2)
    expect(reply.text).toContain('/latest — самые свежие новости')
    running.api.pushUpdate(textMessage('/help', { userId: 501 }))
    expect((await running.api.waitForMessage(501, 2)).text).toContain('/latest: the newest news items')
  })

  it('should list both seed articles on /latest, newest first, as valid HTML', async () => {
    running.api.pushUpdate(textMessage('/latest', { userId: 503 }))
    const reply = await running.api.waitForMessage(503)
    expect(reply.html).toContain('<b>Karen Decker\'s Talks with Kazakh Officials')
    const english = reply.text.indexOf('Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten')
    const russian = reply.text.indexOf('Посол Казахстана в Афганистане Алимхан Есенгельдиев')
    expect(english).toBeGreaterThan(0)
    expect(russian).toBeGreaterThan(english)
    expect(reply.text).toContain('Zan News · 2024-09-07 · EN')
    expect(reply.text).toContain('date unknown · RU')
  })

  it('should answer /latest in Russian for a Russian user', async () => {
    running.api.pushUpdate(textMessage('/latest', { userId: 504, languageCode: 'ru' }))
    const reply = await running.api.waitForMessage(504)
    expect(reply.text).toMatch(/^Свежие новости/)
    expect(reply.text).toContain('дата неизвестна · RU')
  })

  it('should point unknown commands and plain text to /help', async () => {
    running.api.pushUpdate(textMessage('/frobnicate', { userId: 505 }))
    expect((await running.api.waitForMessage(505)).text).toBe('I do not know that command. /help lists the ones I understand.')
    running.api.pushUpdate(textMessage('hello there', { userId: 505 }))
    expect((await running.api.waitForMessage(505, 2)).text).toBe('I understand commands only. /help lists them.')
  })

  it('should apologise instead of crashing when handling fails, and keep working', async () => {
    vi.spyOn(database.repos.articles, 'latest').mockRejectedValueOnce(new Error('database went away'))
    running.api.pushUpdate(textMessage('/latest', { userId: 506, languageCode: 'ru' }))
    expect((await running.api.waitForMessage(506)).text).toBe('Простите, у меня что-то сломалось. Попробуйте ещё раз через минуту.')
    running.api.pushUpdate(textMessage('/latest', { userId: 506 }))
    expect((await running.api.waitForMessage(506, 2)).text).toContain('Karen Decker')
  })
})
