// Composition root: config -> database -> seeds -> bot -> delivery -> transport;
// start-up and shutdown are the service's (cli/service.ts).
import process from 'node:process'
import { run } from '@grammyjs/runner'
import { Api } from 'grammy'
import { createConsoleTransport, runConsole } from '#root/bot/console.js'
import { uiLanguageFor } from '#root/bot/i18n.js'
import { registerCommands } from '#root/bot/commands.js'
import { createDependencies } from '#root/bot/deps.js'
import { createBot } from '#root/bot/index.js'
import { runService } from '#root/cli/service.js'
import { startDelivery } from '#root/delivery/index.js'
import { createMetrics } from '#root/metrics.js'
import { createPageWorkers } from '#root/news/page-workers.js'
import { createHttpServer } from '#root/server/index.js'
import { packageVersion } from '#root/version.js'

await runService(async ({ config, logger, db, onShutdown, shutdown }) => {
  // page processing off the event loop; threads start with the first page
  const pages = createPageWorkers()
  onShutdown(() => pages.close())
  const deps = await createDependencies(db, config, logger, pages)
  const { repos, topics, i18n } = deps
  const metrics = createMetrics({ outbox: () => repos.deliveries.outboxStats() })
  const serveHttp = async (port: number, webhook?: Parameters<typeof createHttpServer>[0]['webhook']) => {
    const server = createHttpServer({ logger, pingDatabase: () => repos.health.ping(), version: packageVersion(), metrics: metrics.registry, webhook })
    await new Promise<void>(resolve => server.listen(port, resolve))
    onShutdown(() => new Promise(resolve => server.close(resolve)))
  }

  // Feeds: every npm start process polls; each source is claimed by one poller at a time
  deps.sources.poller.start()
  onShutdown(() => deps.sources.close())

  // Daily digests and pushes, unless DELIVERY=off leaves them to other processes
  const deliver = (api: Api, shareVia?: string) => {
    if (!config.delivery && config.botMode !== 'console')
      return
    const scheduler = startDelivery({ config, api, repos, topics, i18n, logger, shareVia })
    onShutdown(() => scheduler.stop())
  }

  if (config.botMode === 'console') {
    const userId = config.adminIds[0] ?? 1
    const transport = createConsoleTransport(process.stdout, userId)
    const bot = createBot('console', { ...deps, rateLimit: false, config: { ...config, adminIds: [userId, ...config.adminIds] } }, { client: { fetch: transport.fetch } })
    deliver(new Api('console', { fetch: transport.fetch }))
    const languageCode = uiLanguageFor(process.env.LANG)
    process.stderr.write(`${i18n.t(languageCode, 'console-started')}\n`)
    await runConsole(bot, { input: process.stdin, transport, userId, languageCode })
    await shutdown('end of input')
    return
  }

  // webhooks: Telegram sends an update again when our answer is lost; skip repeats
  const bot = createBot(config.botToken, { ...deps, metrics, skipRepeatedUpdates: config.botMode === 'webhook' }, { client: { apiRoot: config.telegramApiRoot } })
  // one getMe, not bot.init(): grammY retries that forever while the API is unreachable
  bot.botInfo = await bot.api.getMe()
  await registerCommands(bot.api, i18n, config.adminIds)
  deliver(new Api(config.botToken, { apiRoot: config.telegramApiRoot }), bot.botInfo.username)
  if (config.botMode === 'webhook') {
    const webhookPath = `/webhook/${bot.botInfo.id}`
    await serveHttp(config.port, { bot, secretToken: config.webhookSecret, path: webhookPath })
    await bot.api.setWebhook(new URL(webhookPath, config.webhookUrl).href, { secret_token: config.webhookSecret })
    logger.info({ msg: 'Webhook mode', port: config.port, username: bot.botInfo.username })
  }
  else {
    await bot.api.deleteWebhook()
    const runner = run(bot)
    onShutdown(async () => runner.isRunning() && runner.stop())
    if (config.metricsPort)
      await serveHttp(config.metricsPort)
    logger.info({ msg: 'Long polling', username: bot.botInfo.username, api_root: config.telegramApiRoot, metrics_port: config.metricsPort })
  }
})
