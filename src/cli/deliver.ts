// npm run deliver: a process that only delivers (plans digests each minute and
// sends the outbox) and answers no updates. For deployments that keep their
// webhook instances light with DELIVERY=off; any number of these can run side
// by side, sharing the outbox and Telegram's overall rate through the database.
import process from 'node:process'
import { Api } from 'grammy'
import { createI18n } from '#root/bot/i18n.js'
import { loadConfig } from '#root/cli/run.js'
import { createDatabase } from '#root/db/client.js'
import { migrate } from '#root/db/migrate.js'
import { openDatabaseServer } from '#root/db/open.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { startDelivery } from '#root/delivery/index.js'
import type { Scheduler } from '#root/delivery/scheduler.js'
import { createLogger } from '#root/logger.js'
import { seedTopics } from '#root/news/seed.js'
import { logStartupFailure } from '#root/startup-error.js'
import { createTopicDirectory } from '#root/news/topic-directory.js'

const config = loadConfig()
if (config.botMode === 'console') {
  process.stderr.write('npm run deliver sends through Telegram: set BOT_TOKEN (and DATABASE_URL to the bot\'s database)\n')
  process.exit(2)
}
const logger = createLogger(config.logLevel, { secrets: config.secrets })
const dbServer = await openDatabaseServer(config, logger)
const db = createDatabase(dbServer.url)
let scheduler: Scheduler | undefined
let stopping: Promise<void> | undefined

function shutdown(reason: string): Promise<void> {
  stopping ??= (async () => {
    logger.info({ msg: 'Shutting down', reason })
    await scheduler?.stop()
    await db.$disconnect()
    await dbServer.stop()
  })()
  return stopping
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void shutdown(signal).then(() => process.exit(0)))

try {
  await migrate(dbServer.url)
  const repos = createRepositories(db)
  // the bot keeps the topics up to date; only a worker that starts first seeds them
  let stored = await repos.topics.list()
  if (stored.length === 0) {
    await seedTopics(repos)
    stored = await repos.topics.list()
  }
  const topics = createTopicDirectory(stored)
  const api = new Api(config.botToken, { apiRoot: config.telegramApiRoot })
  // a wrong token fails here, and the first message does not pay for the
  // connection: a slow first send would arrive bunched with the next one
  const me = await api.getMe()
  scheduler = startDelivery({ config, api, repos, topics, i18n: createI18n(), logger })
  logger.info({ msg: 'Delivering digests and pushes', username: me.username, broadcast_rate: Number.isFinite(config.broadcastRate) ? config.broadcastRate : 'unlimited' })
}
catch (error) {
  logStartupFailure(logger, error, config.telegramApiRoot)
  await shutdown('start-up failed')
  process.exitCode = 1
}
