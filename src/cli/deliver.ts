// npm run deliver: a process that only delivers (plans digests each minute and
// sends the outbox) and answers no updates. For deployments that keep their
// webhook instances light with DELIVERY=off; any number of these can run side
// by side, sharing the outbox and Telegram's overall rate through the database.
import { Api } from 'grammy'
import { createI18n } from '#root/bot/i18n.js'
import { runService } from '#root/cli/service.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { startDelivery } from '#root/delivery/index.js'
import { seedTopics } from '#root/news/seed.js'
import { createTopicDirectory } from '#root/news/topic-directory.js'

await runService(async ({ config, logger, db, onShutdown }) => {
  if (config.botMode === 'console')
    return
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
  const scheduler = startDelivery({ config, api, repos, topics, i18n: createI18n(), logger, shareVia: me.username })
  onShutdown(() => scheduler.stop())
  logger.info({ msg: 'Delivering digests and pushes', username: me.username, broadcast_rate: Number.isFinite(config.broadcastRate) ? config.broadcastRate : 'unlimited' })
}, config => (config.botMode === 'console' ? 'npm run deliver sends through Telegram: set BOT_TOKEN (and DATABASE_URL to the bot\'s database)' : undefined))
