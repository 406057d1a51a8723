import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ID, type RunningBot, startTestBot } from '../helpers/bot.js'
import { buttons, TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'

const ENGLISH_TITLE = 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten'
const RUSSIAN_TITLE = 'Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…'

describe('reading the news', () => {
  let database: TestDatabase
  let running: RunningBot
  let nextUser = 2000
  const user = (languageCode = 'en') => new TestChat(running.api, ++nextUser, languageCode)

  beforeAll(async () => {
    database = await createTestDatabase()
    running = await startTestBot(database, { rateLimit: false })
  })
  afterAll(async () => {
    await running.stop()
    await database.drop()
  })

  it('should register the chat on /start in the sender\'s language and offer the topics as buttons', async () => {
    const english = user('en')
    const [greeting] = await english.send('/start')
    expect(greeting!.text).toMatch(/^Hello, Test! I turn news about Kazakhstan/)
    expect(buttons(greeting!).map(b => b.text)).toEqual(expect.arrayContaining(['Kazakhstan', 'Afghanistan', 'Taliban']))
    expect(buttons(greeting!)).toHaveLength(21)
    expect(await database.repos.chats.find(english.userId)).toMatchObject({ uiLanguage: 'en', digestLanguage: 'en', state: 'active', timeZone: 'UTC', digestTime: '09:00' })
    const russian = user('ru')
    const [privet] = await russian.send('/start')
    expect(privet!.text).toMatch(/^Здравствуйте, Test!/)
    expect(buttons(privet!).map(b => b.text)).toContain('Казахстан')
  })

  it('should resume a paused chat on /start, keeping its settings', async () => {
    const chat = user()
    await chat.send('/start')
    await chat.send('/time 07:30')
    expect(await chat.ask('/stop')).toMatch(/paused/)
    expect(await chat.ask('/stop')).toMatch(/already paused/)
    expect(await chat.ask('/start')).toBe('Welcome back! Your daily digest is on again, with your earlier settings.')
    expect(await database.repos.chats.find(chat.userId)).toMatchObject({ state: 'active', digestTime: '07:30' })
  })

  it('should explain every command in /help, with the admin part for admins only', async () => {
    expect(await user().ask('/help')).not.toContain('/post')
    const admin = new TestChat(running.api, ADMIN_ID)
    const help = await admin.ask('/help')
    expect(help).toContain('/post: add an article')
    for (const command of ['/latest', '/topic', '/topics', '/subscribe', '/unsubscribe', '/subscriptions', '/lang', '/time', '/tz', '/digest', '/search', '/stop'])
      expect(help).toContain(command)
  })

  it('should list the newest items on /latest with title, summary, source, date and topics', async () => {
    const [reply] = await user().send('/latest')
    expect(reply!.html).toContain(`<b>${ENGLISH_TITLE}</b>`)
    expect(reply!.text).toContain('Zan News · 7 September 2024')
    expect(reply!.text).toContain('#kazakhstan')
    expect(reply!.text.indexOf(ENGLISH_TITLE)).toBeLessThan(reply!.text.indexOf(RUSSIAN_TITLE))
    // the Russian item has no English summary: it shows the Russian one, marked
    expect(reply!.text).toContain('Only in Russian: Это первый контакт')
    // the Russian page states no date: the day it was added, marked; never "date unknown"
    expect(reply!.text).toMatch(/Russian: [^\n]+\n(?:[^\n]+ · )?added \d{1,2} [A-Z][a-z]{2}\n/)
    expect(reply!.text).not.toContain('date unknown')
    for (const tags of reply!.text.match(/^#.*$/gmu) ?? [])
      expect(tags.split(' ').length).toBeLessThanOrEqual(3)
  })

  it('should show /latest in Russian to a Russian user', async () => {
    const [reply] = await user('ru').send('/latest')
    expect(reply!.text).toMatch(/^Свежие новости/)
    expect(reply!.text).toContain('Zan News · 7 сентября 2024')
    expect(reply!.text).toContain('Только на языке «английский»: Karen Decker')
  })

  it('should page on with the More button', async () => {
    const chat = user()
    const [first] = await chat.send('/latest 1')
    expect(first!.text).toContain(ENGLISH_TITLE)
    expect(first!.text).not.toContain(RUSSIAN_TITLE)
    const [second] = await chat.press(first!, 'More')
    expect(second!.text).toContain(RUSSIAN_TITLE)
    // the last page has no More button, and the pressed one is gone
    expect(buttons(second!)).toEqual([])
    expect(buttons(first!)).toEqual([])
  })

  it.each(['0', '21', '-3', 'abc', '5.5', '100000'])('should refuse /latest %s with the allowed range', async (n) => {
    expect(await user().ask(`/latest ${n}`)).toBe('Please give a number from 1 to 20, e.g. /latest 10.')
  })

  it.each([['kazakhstan'], ['Казахстан'], ['KAZAKHSTAN'], ['Astana'], ['Казахстана'], ['kazakh']])('should find the topic for /topic %s', async (name) => {
    const reply = await user().ask(`/topic ${name}`)
    expect(reply).toMatch(/^Kazakhstan: latest news/)
    expect(reply).toContain(ENGLISH_TITLE)
    expect(reply).toContain(RUSSIAN_TITLE)
  })

  it('should show only the topic\'s items, and say so when there are none', async () => {
    const tajikistan = await user().ask('/topic tajikistan')
    expect(tajikistan).toContain(RUSSIAN_TITLE)
    expect(tajikistan).not.toContain(ENGLISH_TITLE)
    expect(await user().ask('/topic energy')).toBe('No news on Energy yet.')
  })

  it('should answer an unknown topic with the closest ones and a pointer to /topics', async () => {
    const reply = await user().ask('/topic kazahkstan')
    expect(reply).toMatch(/^I do not know the topic “kazahkstan”\. Did you mean: \/topic kazakhstan \(Kazakhstan\)/)
    expect(reply).toContain('/topics')
    expect(await user('ru').ask('/topic Казахстн')).toMatch(/^Я не знаю тему «Казахстн»\. Может быть: \/topic kazakhstan \(Казахстан\)/)
    expect(await user().ask('/topic')).toMatch(/^Which topic\?/)
  })

  it('should find the seeds with /search in either language', async () => {
    const english = await user().ask('/search Taliban')
    expect(english).toContain(ENGLISH_TITLE)
    expect(english).toContain(RUSSIAN_TITLE)
    const russian = await user('ru').ask('/search талибов')
    expect(russian).toContain(ENGLISH_TITLE)
    expect(russian).toContain(RUSSIAN_TITLE)
    expect(await user().ask('/search humanitarian aid Afghan students')).toContain(ENGLISH_TITLE)
    expect(await user().ask('/search quantum chromodynamics')).toBe('Nothing found for “quantum chromodynamics”.')
    expect(await user().ask('/search')).toMatch(/^What should I look for\?/)
  })

  it('should refuse 5000-character arguments politely and change nothing', async () => {
    const chat = user()
    const long = 'x'.repeat(5000)
    for (const command of ['/topic', '/search', '/subscribe', '/tz', '/latest'])
      expect(await chat.ask(`${command} ${long}`)).toBe('That is too long: at most 200 characters, please.')
    expect(await database.repos.chats.find(chat.userId)).toBeNull()
  })

  it('should compose /digest from the chat\'s topics', async () => {
    const chat = user()
    expect(await chat.ask('/digest')).toBe('You have no topics yet: choose them with /topics.')
    await chat.send('/subscribe tajikistan')
    const digest = await chat.ask('/digest')
    expect(digest).toMatch(/^Your news digest/)
    expect(digest).toContain(RUSSIAN_TITLE)
    expect(digest).not.toContain(ENGLISH_TITLE)
  })
})
