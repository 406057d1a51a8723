import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type RunningBot, startTestBot } from '../helpers/bot.js'
import { TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { callbackQuery, MAX_TEXT, textMessage } from '../helpers/fake-bot-api.js'
import { parseTelegramHtml } from '../helpers/telegram-html.js'

const VOCABULARY = ('farmers markets wheat cotton prices rose fell sharply during winter while traders in the northern provinces '
  + 'reported delays at border crossings because customs officers checked every truck carrying fruit vegetables fuel and '
  + 'machinery from neighbouring countries and analysts expected exports to recover slowly next spring').split(' ')
const HOSTILE_TITLE = '<script>alert("x")</script> & <b>Bold</b> claims'

describe('robustness', () => {
  let database: TestDatabase
  let running: RunningBot
  let nextUser = 5000
  const user = (languageCode = 'en') => new TestChat(running.api, ++nextUser, languageCode)
  const logLines: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { logLines })
    // an article whose title and text are hostile HTML, and twenty long ones to split
    const ingest = running.deps.ingest
    await ingest({ text: `${HOSTILE_TITLE}\n\nThe minister said that <i>unclosed tags & ampersands</i> and "quotes" must never break a message, and that readers deserve to see exactly what was written by the reporters.`, url: 'https://example.org/a?x=1&y="2"' })
    for (let i = 0; i < 20; i++) {
      const words = (k: number) => Array.from({ length: 40 }, (_, j) => VOCABULARY[(i * 7 + j * (k + 3)) % VOCABULARY.length]).join(' ')
      const result = await ingest({ text: `Long report number ${i} about regional trade\n\nThe report number ${i} says that the trade between the countries ${words(0)} grew in the year. It adds that the figures for ${words(100)} were published on Monday by the ministry.` })
      expect(result.status).toBe('stored')
    }
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should escape hostile article text so that Telegram accepts it and shows it as written', async () => {
    const [reply] = await user().send('/search minister readers reporters')
    expect(parseTelegramHtml(reply!.html!)).toMatchObject({ ok: true })
    expect(reply!.text).toContain(HOSTILE_TITLE)
    expect(reply!.text).toContain('<i>unclosed tags & ampersands</i>')
    expect(reply!.html).toContain('&lt;script&gt;')
    expect(reply!.html).toContain('href="https://example.org/a?x=1&amp;y=&quot;2&quot;"')
  })

  it('should split a long list between items, every message under 4096 characters', async () => {
    expect(await database.repos.articles.countLive()).toBe(23)
    const chat = user()
    const before = chat.messages.length
    // at least two messages; the last one carries the "More" button (23 articles, 20 shown)
    await chat.send('/latest 20', 2)
    await running.api.waitFor(() => chat.messages.slice(before).some(m => m.replyMarkup !== undefined))
    const replies = chat.messages.slice(before)
    expect(replies.length).toBeGreaterThanOrEqual(2)
    for (const reply of replies) {
      expect(reply.text.length).toBeLessThanOrEqual(MAX_TEXT)
      // each message is whole items: it opens with a title or the header
      expect(reply.html).toMatch(/^<b>/)
    }
    const titles = replies.flatMap(r => [...r.text.matchAll(/Long report number (\d+)/g)].map(m => m[1]))
    expect(new Set(titles).size).toBe(titles.length)
    // the dated seed comes first (dated articles lead), then the nineteen newest reports
    expect(titles).toHaveLength(19)
  })

  it('should send plain text when Telegram rejects the formatting', async () => {
    const chat = user()
    running.api.failNext('sendMessage', { status: 400, description: 'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 0' })
    const [reply] = await chat.send('/latest 1')
    expect(reply!.html).toBeUndefined()
    expect(reply!.text).toMatch(/^Latest news/)
    expect(reply!.text).toContain('(sent as plain text: the formatting could not be shown)')
  })

  it('should wait and retry when Telegram answers 429', async () => {
    const chat = user()
    running.api.rateLimitNext('sendMessage', 1)
    const started = Date.now()
    const [reply] = await chat.send('/help')
    expect(reply!.text).toMatch(/^News digest bot/)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(running.api.calls.filter(c => c.method === 'sendMessage' && c.status === 429)).toHaveLength(1)
  })

  it('should limit a flooding user, warn once, and keep serving others', async () => {
    const flooder = user()
    for (let i = 0; i < 12; i++)
      running.api.pushUpdate(textMessage('/help', { userId: flooder.userId }))
    await running.api.waitFor(() => flooder.messages.some(m => m.text.startsWith('You are sending messages too fast')))
    await new Promise(resolve => setTimeout(resolve, 500))
    expect(flooder.messages.filter(m => m.text.startsWith('News digest bot')).length).toBeLessThanOrEqual(5)
    expect(flooder.messages.filter(m => m.text.startsWith('You are sending messages too fast'))).toHaveLength(1)
    expect(await user().ask('/help')).toMatch(/^News digest bot/)
  })

  it('should apologise instead of crashing when handling fails, and keep working', async () => {
    const chat = user('ru')
    vi.spyOn(running.deps.repos.articles, 'latest').mockRejectedValueOnce(new Error('database went away'))
    expect(await chat.ask('/latest')).toBe('Простите, у меня что-то сломалось. Попробуйте ещё раз через минуту.')
    expect(await chat.ask('/latest 1')).toMatch(/^Свежие новости/)
    // the log names the update, chat and user, not what they wrote
    const failure = logLines.map(l => JSON.parse(l) as Record<string, unknown>).find(l => l.msg === 'Update failed')
    expect(failure).toMatchObject({ chat_id: chat.userId, user_id: chat.userId, update_id: expect.any(Number), err: { message: 'database went away' } })
    expect(JSON.stringify(failure)).not.toContain('/latest')
  })

  it('should search text with control characters in it, and say what it needs when nothing else is left', async () => {
    const chat = user()
    expect(await chat.ask('/search minister\u0000 readers')).toContain(HOSTILE_TITLE)
    expect(await chat.ask('/search \u0000\u0007')).toMatch(/^What should I look for\?/)
  })

  it('should answer a "more" button with absurd numbers clearly, and send nothing', async () => {
    const chat = user()
    for (const data of ['more:0:99999999999999999999:5', 'more:0:20:0', 'more:0:99999:5', 'more:424242:0:5', 'more:x']) {
      const before = chat.messages.length
      running.api.pushUpdate(callbackQuery(data, { userId: chat.userId, messageId: 1 }))
      const answer = await running.api.waitFor(() => running.api.calls.findLast(c => c.method === 'answerCallbackQuery' && c.status === 200 && (c.payload.text as string | undefined)?.startsWith('This button')))
      expect(answer.payload).toMatchObject({ text: 'This button does not work (any more): send the command again.', show_alert: true })
      expect(chat.messages.length).toBe(before)
      running.api.calls.splice(running.api.calls.indexOf(answer), 1)
    }
  })

  it('should answer unknown commands and plain text with a pointer to /help', async () => {
    const chat = user()
    expect(await chat.ask('/frobnicate')).toBe('I do not know that command. /help lists the ones I understand.')
    expect(await chat.ask('hello there')).toBe('I understand commands only. /help lists them.')
  })
})
