// /post with links the bot must not or cannot follow: each refusal is explained
// in the admin's language and the conversation goes on.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ID, type RunningBot, startTestBot } from '../helpers/bot.js'
import { TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { slowPage } from '../helpers/hostile-pages.js'

const PROSE = 'The minister said on Friday that the new border crossing would open to trucks next month, and officials expect trade to grow. '

describe('/post with links', () => {
  let database: TestDatabase
  let server: Server
  let port: number
  let hits = 0

  beforeAll(async () => {
    database = await createTestDatabase()
    server = createServer((req, res) => {
      hits++
      if (req.url === '/bad-redirect')
        return res.writeHead(302, { location: 'http://[::1' }).end()
      if (req.url === '/long')
        return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(PROSE.repeat(3000))
      // 0.5-1 s of Readability, over the short budget below
      const slow = slowPage()
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('html' in slow ? slow.html : '')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
    await database.drop()
  })

  describe('by default (FETCH_ALLOW_PRIVATE unset)', () => {
    let running: RunningBot
    beforeAll(async () => {
      running = await startTestBot(database, { rateLimit: false })
    })
    afterAll(() => running.stop())

    it('should refuse links to local addresses without fetching them, in the admin\'s language', async () => {
      const admin = new TestChat(running.api, ADMIN_ID)
      await admin.send('/post')
      const [, byName] = await admin.send(`http://localhost:${port}/news`, 2)
      expect(byName!.text).toMatch(new RegExp(`^I could not fetch that link: localhost resolves to (127\\.0\\.0\\.1|::1), a local or private address: such links are not fetched\\. Send the text instead, or /cancel\\.$`))
      const [, numeric] = await admin.send(`http://2130706433:${port}/news`, 2)
      expect(numeric!.text).toBe('I could not fetch that link: 127.0.0.1 is a local or private address: such links are not fetched. Send the text instead, or /cancel.')
      expect(await admin.ask('/cancel')).toBe('Cancelled.')

      const russian = new TestChat(running.api, ADMIN_ID, 'ru')
      await russian.send('/post')
      const [, ipv6] = await russian.send(`http://[::ffff:127.0.0.1]:${port}/news`, 2)
      expect(ipv6!.text).toBe('Не удалось загрузить ссылку: ::ffff:7f00:1 — локальный или частный адрес: такие ссылки не загружаются. Пришлите текст или /cancel.')
      await russian.send('/cancel')
      expect(hits).toBe(0)
    })
  })

  describe('with FETCH_ALLOW_PRIVATE=true and a short page budget', () => {
    let running: RunningBot
    beforeAll(async () => {
      running = await startTestBot(database, { rateLimit: false, env: { FETCH_ALLOW_PRIVATE: 'true' }, pages: { budgetMs: 200 } })
    })
    afterAll(() => running.stop())

    it('should explain a malformed redirect, a page too complex to process and one too long, and go on', async () => {
      const admin = new TestChat(running.api, ADMIN_ID)
      await admin.send('/post')
      const [, redirect] = await admin.send(`http://127.0.0.1:${port}/bad-redirect`, 2)
      expect(redirect!.text).toBe('I could not fetch that link: the server redirected to an invalid address (http://[::1). Send the text instead, or /cancel.')
      const [, heavy] = await admin.send(`http://127.0.0.1:${port}/heavy`, 2)
      expect(heavy!.text).toBe('That page is too complex to process in time (absurdly nested or huge). Send its text instead, or /cancel.')
      const [, long] = await admin.send(`http://127.0.0.1:${port}/long`, 2)
      expect(long!.text).toBe('That text is too long for an article (over 300,000 characters). Send a shorter one, or /cancel.')

      // still in the conversation: the next message is read as an article
      const [, kazakh] = await admin.send('Бүгін Астанада үкімет отырысы өтті. Онда елдің экономикалық дамуы мен жаңа бағдарламалар талқыланды.', 2)
      expect(kazakh!.text).toMatch(/^I can only publish English and Russian articles/)
      expect(await admin.ask('/cancel')).toBe('Cancelled.')

      const russian = new TestChat(running.api, ADMIN_ID, 'ru')
      await russian.send('/post')
      const [, longRu] = await russian.send(`http://127.0.0.1:${port}/long`, 2)
      expect(longRu!.text).toBe(`Этот текст слишком длинный для статьи (больше ${(300_000).toLocaleString('ru')} символов). Пришлите покороче или /cancel.`)
      const [, heavyRu] = await russian.send(`http://127.0.0.1:${port}/heavy`, 2)
      expect(heavyRu!.text).toBe('Эта страница слишком сложна, чтобы обработать её вовремя (чрезмерно вложенная или огромная). Пришлите её текст или /cancel.')
      await russian.send('/cancel')
    })
  })
})
