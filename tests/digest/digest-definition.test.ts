// What a digest holds: one definition for /digest and the planner.
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '#root/config.js'
import { composeDigest } from '#root/digest/compose.js'
import { mutedStems } from '#root/digest/muted.js'
import { createDigestPlanner } from '#root/delivery/planner.js'
import type { Ingest } from '#root/news/ingest.js'
import { createPageWorkers, type PageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { seedTopics } from '#root/news/seed.js'
import { createTestDatabase, type TestDatabase } from '../helpers/database.js'

// distinct events: nothing but the country in common
const AFGHAN = [
  ['Kandahar farmers start the pomegranate harvest early', 'Farmers around Kandahar in Afghanistan began picking pomegranates two weeks early this season after a warm spring, traders said. Orchards near the river reported heavy yields.'],
  ['Herat opens a new women\'s hospital wing', 'A hospital wing for mothers opened in Herat, Afghanistan, on Monday with forty beds and two operating rooms paid for by local donors. Doctors said it would halve waiting lists.'],
  ['Afghan cricket board names a new coach', 'The cricket board of Afghanistan named a former fast bowler as head coach of the national side before the autumn tour. Players welcomed the choice at a training camp.'],
  ['Kabul traffic police ban carts on the ring road', 'Traffic police in Kabul, Afghanistan, banned hand carts from the ring road during rush hours to ease jams, a spokesman said. Vendors protested at the market gate.'],
  ['Afghan saffron exports reach a record', 'Exports of saffron from Afghanistan reached a record this year as buyers in Spain and India paid more per gram, the chamber of commerce reported. Growers in the west planted wider fields.'],
]
const KYRGYZ = ['Bishkek opens a cable car to the mountains', 'A cable car from the edge of Bishkek, Kyrgyzstan, up to the Ala-Archa gorge opened to visitors on Saturday. Tickets sold out within hours, the operator said.']

const page = ([title, body]: string[]) => ({ text: `News Desk\n\n${title}\n\n${body}\n\nSecond paragraph about it: ${body}` })

describe('the digest definition', () => {
  let database: TestDatabase
  let ingest: Ingest
  let pages: PageWorkers
  const chatId = 777001
  const now = new Date()

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedTopics(database.repos)
    pages = createPageWorkers()
    ingest = await createNewsPipeline({ repos: database.repos, config: parseConfig({}), logger: pino({ level: 'silent' }), pages })
    for (const article of [...AFGHAN, KYRGYZ])
      expect((await ingest(page(article))).status).toBe('stored')
    await database.repos.chats.register({ id: chatId, type: 'private', title: null, uiLanguage: 'en', timeZone: 'UTC', digestTime: '00:00' })
    const topics = await database.repos.topics.list()
    for (const slug of ['afghanistan', 'kyrgyzstan'])
      await database.repos.chats.subscribe(chatId, topics.find(t => t.slug === slug)!.id)
  })
  afterAll(async () => {
    await pages.close()
    await database.drop()
  })

  it('should hold at most 3 stories of one topic, then the other topic\'s, and count the rest as more', async () => {
    const digest = await composeDigest(database.repos.stories, chatId, null, now)
    const titles = digest.items.map(item => item.reports[0]!.title)
    expect(titles.filter(title => AFGHAN.some(([t]) => t === title))).toHaveLength(3)
    expect(titles).toContain(KYRGYZ[0])
    expect(digest.more).toBe(2)
  })

  it('should leave out a story with a muted word', async () => {
    await database.repos.muted.add(chatId, { word: 'Saffron', stems: mutedStems('Saffron')! }, 50)
    const digest = await composeDigest(database.repos.stories, chatId, null, now)
    expect(digest.items.map(item => item.reports[0]!.title)).not.toContain(AFGHAN[4]![0])
    expect(digest.more).toBe(1)
  })

  it('should let the planner queue exactly what /digest shows, in the same order, with the same count of more', async () => {
    const shown = await composeDigest(database.repos.stories, chatId, null, now)
    await createDigestPlanner({ repos: database.repos, logger: pino({ level: 'silent' }), catchUpHours: 48 }).tick(now)
    const planned = await database.db.delivery.findFirstOrThrow({ where: { chatId: BigInt(chatId), kind: 'digest' } })
    expect(planned.articleIds).toEqual(shown.items.map(item => item.reports[0]!.id))
    expect(planned.more).toBe(shown.more)
  })
})
