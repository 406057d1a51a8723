// A separate process that only sends the outbox (tests/delivery/processes.test.ts
// kills it with SIGKILL, or runs two of them side by side).
import { Api } from 'grammy'
import { createI18n } from '#root/bot/i18n.js'
import { createDatabase } from '#root/db/client.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createLimiter } from '#root/delivery/limits.js'
import { createSender } from '#root/delivery/sender.js'
import { createLogger } from '#root/logger.js'
import { createTopicDirectory } from '#root/news/topic-directory.js'

const db = createDatabase(process.env.DATABASE_URL!)
const repos = createRepositories(db, { cacheMs: 0 })
const sender = createSender({
  api: new Api(process.env.BOT_TOKEN!, { apiRoot: process.env.TELEGRAM_API_ROOT! }),
  repos,
  topics: createTopicDirectory(await repos.topics.list()),
  i18n: createI18n(),
  logger: createLogger('silent', false),
  limiter: createLimiter({ perSecond: Number(process.env.RATE ?? 1000), perChatMs: 0, perGroupMinute: 1000 }, { slots: (count, ms) => repos.deliveries.reserveSlots(count, ms) }),
  leaseMs: Number(process.env.LEASE_MS ?? 60_000),
  idleMs: 50,
})
sender.start()
process.stdout.write('started\n')
process.on('SIGTERM', () => void sender.stop().then(() => db.$disconnect()).then(() => process.exit(0)))
