// The fake must fail the way Telegram fails, or the bot's tests prove nothing.
import { Api, GrammyError } from 'grammy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_TOKEN, FakeBotApi, MAX_TEXT } from './fake-bot-api.js'
import { parseTelegramHtml } from './telegram-html.js'

describe('FakeBotApi', () => {
  let fake: FakeBotApi
  let api: Api

  beforeAll(async () => {
    fake = await new FakeBotApi().start()
    api = new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot })
  })
  afterAll(() => fake.close())

  async function failure(call: Promise<unknown>): Promise<GrammyError> {
    const error = await call.then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(GrammyError)
    return error as GrammyError
  }

  it('should answer in {ok, result} envelopes', async () => {
    expect((await api.getMe()).username).toBe('test_news_bot')
    const message = await api.sendMessage(7, 'a &lt;b&gt; <b>bold</b>', { parse_mode: 'HTML' })
    expect(message).toMatchObject({ message_id: expect.any(Number), chat: { id: 7 }, text: 'a <b> bold' })
  })

  it('should reject a wrong token with 401', async () => {
    const other = new Api('999:wrong-token-wrong-token-wrong', { apiRoot: fake.apiRoot })
    expect((await failure(other.getMe())).error_code).toBe(401)
  })

  it('should reject text over 4096 characters, counted after HTML parsing', async () => {
    const error = await failure(api.sendMessage(7, 'x'.repeat(MAX_TEXT + 1)))
    expect(error.error_code).toBe(400)
    expect(error.description).toBe('Bad Request: message is too long')
    await expect(api.sendMessage(7, `<b>${'x'.repeat(MAX_TEXT)}</b>`, { parse_mode: 'HTML' })).resolves.toBeDefined()
  })

  it('should reject malformed HTML and empty text with 400', async () => {
    expect((await failure(api.sendMessage(7, '<b>unclosed', { parse_mode: 'HTML' }))).description)
      .toBe('Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"')
    expect((await failure(api.sendMessage(7, 'a <script> b', { parse_mode: 'HTML' }))).description)
      .toMatch(/Unsupported start tag "script" at byte offset 2/)
    expect((await failure(api.sendMessage(7, 'Q&A', { parse_mode: 'HTML' }))).description)
      .toMatch(/Can't find end of the entity/)
    expect((await failure(api.sendMessage(7, '   '))).description).toBe('Bad Request: message text is empty')
  })

  it('should answer 429 with retry_after when rate limited', async () => {
    fake.rateLimitNext('sendMessage', 3)
    const error = await failure(api.sendMessage(7, 'hi'))
    expect(error.error_code).toBe(429)
    expect(error.parameters.retry_after).toBe(3)
    await expect(api.sendMessage(7, 'hi')).resolves.toBeDefined()
  })

  it('should answer 403 for a chat that blocked the bot and 400 for an unknown chat', async () => {
    fake.blocked.add(8)
    fake.missingChats.add(9)
    const blocked = await failure(api.sendMessage(8, 'hi'))
    expect([blocked.error_code, blocked.description]).toEqual([403, 'Forbidden: bot was blocked by the user'])
    const missing = await failure(api.sendMessage(9, 'hi'))
    expect([missing.error_code, missing.description]).toEqual([400, 'Bad Request: chat not found'])
  })

  it('should edit a message only when it exists and changes', async () => {
    const sent = await api.sendMessage(10, 'one')
    await api.editMessageText(10, sent.message_id, 'two')
    expect(fake.messagesTo(10)[0]).toMatchObject({ text: 'two', edited: true })
    expect((await failure(api.editMessageText(10, sent.message_id, 'two'))).description).toMatch(/message is not modified/)
    expect((await failure(api.editMessageText(10, 99999, 'x'))).description).toBe('Bad Request: message to edit not found')
  })

  it('should hold getUpdates until an update arrives and drop confirmed ones', async () => {
    const started = Date.now()
    const pending = api.getUpdates({ timeout: 5 })
    setTimeout(() => fake.pushUpdate({ message: { message_id: 1, date: 0, chat: { id: 1, type: 'private', first_name: 'A' }, text: 'x' } } as never), 50)
    const updates = await pending
    expect(updates).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await api.getUpdates({ offset: updates[0]!.update_id + 1, timeout: 0 })).toEqual([])
  })
})

describe('parseTelegramHtml', () => {
  it('should decode the supported entities and count only visible text', () => {
    expect(parseTelegramHtml('<a href="https://x.org/?a=1&amp;b=2">link</a> &#1055;&quot;')).toEqual({ ok: true, text: 'link П"' })
  })

  it('should reject misnested tags', () => {
    expect(parseTelegramHtml('<b><i>x</b></i>')).toEqual({ ok: false, error: 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"' })
  })
})
