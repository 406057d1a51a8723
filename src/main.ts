// Composition root: config -> database -> seeds -> bot -> transport; one shutdown path.
import type { Server } from 'node:http'
import process from 'node:process'
import { run, type RunnerHandle } from '@grammyjs/runner'
import { Api } from 'grammy'
import { createConsoleTransport, runConsole } from '#root/bot/console.js'
import { uiLanguageFor } from '#root/bot/i18n.js'
import { registerCommands } from '#root/bot/commands.js'
import { createDependencies } from '#root/bot/deps.js'
import { createBot, type NewsBot } from '#root/bot/index.js'
import { loadConfig } from '#root/cli/run.js'
import { createDatabase } from '#root/db/client.js'
import { migrate } from '#root/db/migrate.js'
import { openDatabaseServer } from '#root/db/open.js'
import { startDelivery } from '#root/delivery/index.js'
import type { Scheduler } from '#root/delivery/scheduler.js'
import { createLogger } from '#root/logger.js'
import { createPageWorkers } from '#root/news/page-workers.js'
import { createWebhookServer } from '#root/server/index.js'

const config = loadConfig()
const logger = createLogger(config.logLevel)

// Database
const dbServer = await openDatabaseServer(config, logger)
const db = createDatabase(dbServer.url)
// page processing off the event loop; threads start with the first page
const pages = createPageWorkers()
let runner: RunnerHandle | undefined
let scheduler: Scheduler | undefined
let httpServer: Server | undefined
let stopping: Promise<void> | undefined

// graceful shutdown: transport, then the database client, then the embedded server
function shutdown(reason: string): Promise<void> {
  stopping ??= (async () => {
    logger.info({ msg: 'Shutting down', reason })
    if (runner?.isRunning())
      await runner.stop()
    await scheduler?.stop()
    if (httpServer)
      await new Promise(resolve => httpServer?.close(resolve))
    await pages.close()
    await db.$disconnect()
    await dbServer.stop()
  })()
  return stopping
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void shutdown(signal).then(() => process.exit(0)))

// Daily digests and pushes, unless DELIVERY=off leaves them to other processes
function deliver(api: Api, bot: NewsBot): Scheduler | undefined {
  if (!config.delivery && config.botMode !== 'console')
    return undefined
  const { repos, topics } = bot.deps
  return startDelivery({ config, api, repos, topics, i18n: bot.i18n, logger })
}

try {
  const applied = await migrate(dbServer.url)
  if (applied.length)
    logger.info({ msg: 'Migrations applied', applied })
  const deps = await createDependencies(db, config, logger, pages)

  if (config.botMode === 'console') {
    const userId = config.adminIds[0] ?? 1
    const transport = createConsoleTransport(process.stdout, userId)
    const bot = createBot('console', { ...deps, rateLimit: false, config: { ...config, adminIds: [userId, ...config.adminIds] } }, { client: { fetch: transport.fetch } })
    scheduler = deliver(new Api('console', { fetch: transport.fetch }), bot)
    const languageCode = uiLanguageFor(process.env.LANG)
    process.stderr.write(`${bot.i18n.t(languageCode, 'console-started')}\n`)
    await runConsole(bot, { input: process.stdin, transport, userId, languageCode })
    await shutdown('end of input')
  }
  else {
    const bot = createBot(config.botToken, deps, { client: { apiRoot: config.telegramApiRoot } })
    await bot.init()
    await registerCommands(bot.api, bot.i18n, config.adminIds)
    scheduler = deliver(new Api(config.botToken, { apiRoot: config.telegramApiRoot }), bot)
    if (config.botMode === 'webhook') {
      const webhookPath = `/webhook/${bot.botInfo.id}`
      httpServer = createWebhookServer({ bot, logger, secretToken: config.webhookSecret, webhookPath })
      await new Promise<void>(resolve => httpServer?.listen(config.port, resolve))
      await bot.api.setWebhook(new URL(webhookPath, config.webhookUrl).href, { secret_token: config.webhookSecret })
      logger.info({ msg: 'Webhook mode', port: config.port, username: bot.botInfo.username })
    }
    else {
      await bot.api.deleteWebhook()
      runner = run(bot)
      logger.info({ msg: 'Long polling', username: bot.botInfo.username, api_root: config.telegramApiRoot })
    }
  }
}
catch (error) {
  logger.fatal({ msg: 'Start-up failed', err: error })
  await shutdown('start-up failed')
  process.exitCode = 1
}
