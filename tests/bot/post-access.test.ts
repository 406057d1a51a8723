// /post is an admin's private affair: nobody else's message or button press can
// become or publish an article, in a group or anywhere else; it ends when left
// idle and its stored state stays small however long the admin edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ID, type RunningBot, startTestBot } from '../helpers/bot.js'
import { TestChat } from '../helpers/chat.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'
import { eventually } from '../helpers/eventually.js'
import { callbackQuery, FakeBotApi } from '../helpers/fake-bot-api.js'

const ARTICLE = [
  'Uzbekistan and Kyrgyzstan agree to build a new bridge across the border river',
  'Uzbekistan and Kyrgyzstan agreed on Tuesday to build a road bridge across the Kara Darya river, the two governments said in a joint statement after talks in Tashkent.',
  'The bridge, about four hundred metres long, is to be finished within two years and will shorten the route between Osh and Andijan for trucks and buses.',
  'Officials of both countries said that trade between them grew by a quarter last year and that the border crossings are often congested.',
].join('\n\n')
const OTHER_ARTICLES = [
  'Kazakhstan raised its key interest rate to fifteen percent on Friday, the national bank said, citing inflation that has stayed above its target for eight months.\n\nAnalysts in Almaty had expected the decision after the tenge weakened against the dollar in the autumn and food prices rose sharply.',
  'Tajikistan opened a new hydropower unit at the Rogun dam on Monday, adding six hundred megawatts to a grid that still suffers winter shortages in the mountain districts.\n\nThe government in Dushanbe says the plant will eventually export electricity to Afghanistan and Pakistan through new lines.',
  'Turkmenistan and Afghanistan signed a contract on Wednesday to lay a fibre-optic cable along the railway from Serhetabat to Herat, officials of both governments told reporters.\n\nThe cable is meant to carry internet traffic between South Asia and Europe and to be ready by the end of next year.',
]
const GROUP = -100777

describe('/post access', () => {
  let database: TestDatabase
  let api: FakeBotApi
  let running: RunningBot

  const articles = () => database.repos.articles.count()
  const lastToast = () => api.calls.filter(c => c.method === 'answerCallbackQuery').at(-1)?.payload.text
  const storedState = async (adminId: number) => (await database.db.session.findMany({ where: { OR: [{ key: { startsWith: 'conversation:' } }, { key: `post-draft:${adminId}` }] } }))
    .filter(row => row.key.endsWith(String(adminId)))
    .reduce((size, row) => size + row.value.length, 0)

  beforeAll(async () => {
    database = await createTestDatabase()
    api = await new FakeBotApi().start()
    running = await startTestBot(database, { api, rateLimit: false, postIdleMs: 1500 })
  })
  afterAll(async () => {
    await running.stop()
    await api.close()
    await database.drop()
  })

  it('should answer /post in a group that it works in a private chat, and let no member\'s message become an article', async () => {
    const admin = new TestChat(api, ADMIN_ID, 'en', GROUP)
    const member = new TestChat(api, 5001, 'en', GROUP)
    api.chatAdmins.set(GROUP, new Set([ADMIN_ID]))
    expect(await admin.ask('/post')).toBe('/post works in a private chat with me: open it there and send /post.')
    expect(await new TestChat(api, ADMIN_ID, 'ru', GROUP).ask('/post')).toBe('/post работает только в личном чате со мной: откройте его и отправьте /post там.')
    const before = await articles()
    const sent = api.messages.length
    member.send(ARTICLE, 0).catch(() => undefined)
    // a forged "Publish" press by the member in the group
    api.pushUpdate(callbackQuery('post:publish', { userId: 5001, chatId: GROUP, messageId: 1 }))
    await eventually(() => lastToast() === 'Sorry, only the bot\'s admins can do that.')
    expect(await articles()).toBe(before)
    expect(api.messages.slice(sent).filter(m => m.chatId === GROUP)).toEqual([])
  })

  it('should not let anyone but the admin in their private chat step into /post or press its buttons', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    await admin.send('/post')
    const [, preview] = await admin.send(ARTICLE, 2)
    expect(preview!.text).toContain('Uzbekistan and Kyrgyzstan agree to build a new bridge')
    const before = await articles()
    // a stranger replays the admin's button data in their own chat
    const stranger = new TestChat(api, 5002)
    api.pushUpdate(callbackQuery('post:publish', { userId: 5002, messageId: preview!.messageId }))
    await eventually(() => lastToast() === 'Sorry, only the bot\'s admins can do that.')
    expect(await stranger.ask(ARTICLE)).toBe('I understand commands only. /help lists them.')
    expect(await articles()).toBe(before)
    // the admin's own conversation is untouched
    const [published] = await admin.press(preview!, 'Publish')
    expect(published!.text).toMatch(/^Published as #\d+\.$/)
  })

  it('should refuse the buttons of an admin who is no longer in ADMIN_IDS', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    await admin.send('/post')
    const [, preview] = await admin.send(OTHER_ARTICLES[0]!, 2)
    const before = await articles()
    // restarted with other admins
    await running.stop()
    running = await startTestBot(database, { api, rateLimit: false, env: { ADMIN_IDS: '4242' } })
    api.pushUpdate(callbackQuery('post:publish', { userId: ADMIN_ID, messageId: preview!.messageId }))
    await eventually(() => lastToast() === 'Sorry, only the bot\'s admins can do that.')
    expect(await admin.ask('/post')).toBe('Sorry, only the bot\'s admins can do that.')
    expect(await articles()).toBe(before)
    await running.stop()
    running = await startTestBot(database, { api, rateLimit: false, postIdleMs: 1500 })
  })

  it('should end a /post left idle, and say so when its old preview is pressed', async () => {
    const admin = new TestChat(api, ADMIN_ID)
    expect(await admin.ask('/post')).toMatch(/^Send me the article/)
    await new Promise(resolve => setTimeout(resolve, 2000))
    // no longer waiting for an article: the text is just text
    expect(await admin.ask('plain words after the pause')).toBe('I understand commands only. /help lists them.')

    await admin.send('/post')
    const [, preview] = await admin.send(OTHER_ARTICLES[1]!, 2)
    await new Promise(resolve => setTimeout(resolve, 2000))
    const before = await articles()
    api.pushUpdate(callbackQuery('post:publish', { userId: ADMIN_ID, messageId: preview!.messageId }))
    await eventually(() => lastToast() === 'This /post has ended (it waited 30 minutes, or the bot\'s admins changed). Send /post to start again.')
    expect(await articles()).toBe(before)
  })

  it('should keep its stored state small while the admin toggles topics 300 times', async () => {
    await running.stop()
    running = await startTestBot(database, { api, rateLimit: false })
    const admin = new TestChat(api, ADMIN_ID)
    await admin.send('/post')
    const [, preview] = await admin.send(OTHER_ARTICLES[2]!, 2)
    const [keyboard] = await admin.press(preview!, 'Edit topics')
    const toggles = async (n: number) => {
      for (let i = 0; i < n; i++)
        await admin.press(keyboard!, /Afghanistan/, { edit: true })
    }
    await toggles(2)
    const early = await storedState(ADMIN_ID)
    await toggles(298)
    const late = await storedState(ADMIN_ID)
    // the same size give or take a few characters (✅ on or off, ids), not 150 times more
    expect(late).toBeLessThan(early * 1.1)
    const [afterTopics] = await admin.press(keyboard!, 'Done')
    expect(afterTopics!.text).toContain('<b>Preview</b>'.replace(/<\/?b>/g, ''))
    // a button's data is checked: an unknown topic id changes nothing
    const [again] = await admin.press(afterTopics!, 'Edit topics')
    api.pushUpdate(callbackQuery('ptopic:999999', { userId: ADMIN_ID, messageId: again!.messageId }))
    const [final] = await admin.press(again!, 'Done')
    expect(final!.text).toMatch(/Topics: (Afghanistan, )?Turkmenistan/)
  }, 120_000)
})
