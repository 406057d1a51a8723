// Stories as a reader sees them: one item per event, muted words, the digest.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDigestPlanner } from '#root/delivery/planner.js'
import { createLogger } from '#root/logger.js'
import { type RunningBot, startTestBot } from '../helpers/bot.js'
import { TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'stories')
const page = (file: string) => readFileSync(join(FIXTURES, file), 'utf8')
const EVENT_EN = 'Uzbekistan sends 1,850 tonnes of flour to Afghanistan in aid convoy'
const EVENT_RU = 'Узбекистан отправил в Афганистан гуманитарный конвой с мукой'
const SECOND = 'Second Uzbek aid train leaves Termez for Afghanistan'
const count = (text: string, part: string) => text.split(part).length - 1

describe('stories in the bot', () => {
  let database: TestDatabase
  let running: RunningBot
  let nextUser = 5000
  const user = (languageCode = 'en') => new TestChat(running.api, ++nextUser, languageCode)

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
    // three outlets report one event (two English ones in their own words, one Russian); a second convoy is another event
    for (const file of ['aid-convoy-en.txt', 'aid-second-en.txt', 'aid-convoy-ru.txt', 'aid-convoy-en-2.txt'])
      expect((await running.deps.ingest({ text: page(file) })).status).toBe('stored')
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should show the event once in /latest, naming the other outlets, and the distractor as its own item', async () => {
    const [reply] = await user().send('/latest')
    expect(count(reply!.text, EVENT_EN)).toBe(1)
    expect(reply!.text).not.toContain('Aid trucks from Tashkent cross into Balkh')
    expect(reply!.text).not.toContain(EVENT_RU)
    const also = (reply!.html ?? '').split('\n').find(line => line.startsWith('<i>also:</i>')) ?? ''
    expect(also).toMatch(/Вести Долины/)
    expect(also).toMatch(/Kabul Ledger/)
    expect(count(reply!.text, SECOND)).toBe(1)
    // the second convoy is the newer story: it comes first
    expect(reply!.text.indexOf(SECOND)).toBeLessThan(reply!.text.indexOf(EVENT_EN))
  })

  it('should add the Russian outlet\'s own summary to the item for a chat reading both languages', async () => {
    const chat = user()
    await chat.ask('/lang both')
    const [reply] = await chat.send('/latest')
    const item = reply!.text.slice(reply!.text.indexOf(EVENT_EN))
    expect(item).toMatch(/English: Uzbekistan on Wednesday sent a convoy/)
    expect(item).toMatch(/Russian: Узбекистан в среду направил в Афганистан колонну/)
  })

  it('should lead with the Russian report for a chat reading Russian', async () => {
    const chat = user('ru')
    await chat.ask('/lang ru')
    const [reply] = await chat.send('/latest')
    expect(count(reply!.text, EVENT_RU)).toBe(1)
    expect(reply!.text).not.toContain(EVENT_EN)
    expect(reply!.html).toMatch(/также:<\/i> (<a href="[^"]*">)?Steppe Wire/)
  })

  it('should hide a story with a muted word in either language, in any form, and show it again', async () => {
    const chat = user()
    expect(await chat.ask('/mute мука')).toContain('Muted “мука”')
    let [reply] = await chat.send('/latest')
    expect(reply!.text).not.toContain(EVENT_EN)
    expect(reply!.text).toContain(SECOND)
    expect(await chat.ask('/unmute мука')).toBe('“мука” is no longer muted.')
    expect(await chat.ask('/mute Trains')).toContain('Muted “Trains”')
    ;[reply] = await chat.send('/latest')
    expect(reply!.text).toContain(EVENT_EN)
    expect(reply!.text).not.toContain(SECOND)
    expect(await chat.ask('/muted')).toBe('Muted here (1 of 50):\n• Trains')
    expect(await chat.ask('/unmute all')).toBe('Your muted word is gone.')
    expect(await chat.ask('/muted')).toMatch(/^You have no muted words/)
  })

  it('should refuse a 51st muted word, a word of no letters, and a member of a group', async () => {
    const chat = user()
    for (let i = 1; i <= 50; i++)
      await chat.ask(`/mute word${i}`)
    expect(await chat.ask('/mute one more')).toBe('You have 50 muted words, the most there can be: /unmute one first.')
    expect(await chat.ask('/mute !!!')).toBe('There is no word to mute in that: use letters or digits.')
    const GROUP = -100888
    running.api.chatAdmins.set(GROUP, new Set([4901]))
    await new TestChat(running.api, 4901, 'en', GROUP).send('/start')
    expect(await new TestChat(running.api, 4902, 'en', GROUP).ask('/mute football')).toBe('In groups, only the group\'s admins can change these settings.')
    expect(await database.db.mutedWord.count({ where: { chatId: BigInt(GROUP) } })).toBe(0)
  })

  it('should give /digest and the planner the same stories in the same order, new stories only', async () => {
    const chat = user()
    await chat.send('/start')
    await chat.ask('/subscribe afghanistan')
    const [digest] = await chat.send('/digest')
    expect(count(digest!.text, EVENT_EN)).toBe(1)
    expect(digest!.text.indexOf(SECOND)).toBeLessThan(digest!.text.indexOf(EVENT_EN))
    const settings = (await database.repos.chats.find(chat.chatId))!
    await database.db.chat.update({ where: { id: settings.id }, data: { digestTime: '00:00', timeZone: 'UTC' } })
    const now = new Date()
    await createDigestPlanner({ repos: database.repos, logger: createLogger('silent', { pretty: false }), catchUpHours: 48 }).tick(now)
    const planned = await database.db.delivery.findFirstOrThrow({ where: { chatId: settings.id, kind: 'digest' } })
    const stories = await database.repos.stories.itemsOfReports(planned.articleIds)
    // the seed article of the day the bot started is new too, and dated long before: last
    expect(stories.map(s => s.reports[0]!.title)).toEqual([SECOND, EVENT_EN, expect.stringMatching(/^Karen Decker/)])
    // another outlet joining an event already sent does not make it new for the next digest
    // (the bot reads the chat's settings, now with the digest's time, after its 2 s cache)
    await new Promise(resolve => setTimeout(resolve, 2100))
    const joined = await running.deps.ingest({ text: page('aid-convoy-ru.txt').replace(/Вести Долины/g, 'Термез Сегодня').replace('Узбекистан в среду направил', 'В среду Узбекистан отправил').replace(/По словам Собирджонова.*\n/u, 'Груз будет распределен среди семей на севере Афганистана.\n') })
    expect(joined).toMatchObject({ status: 'stored', story: (await database.db.article.findFirstOrThrow({ where: { title: EVENT_EN } })).storyId })
    expect(await chat.ask('/digest')).toBe('Nothing new on your topics since your last digest.')
  })
})
