// Starts the real bot with real long polling (@grammyjs/runner) against the fake Bot API.
import { run, type RunnerHandle } from '@grammyjs/runner'
import { createBot, type NewsBot } from '#root/bot/index.js'
import { parseConfig } from '#root/config.js'
import { createLogger } from '#root/logger.js'
import { bootstrapNews } from '#root/news/bootstrap.js'
import type { TestDatabase } from './database.js'
import { FAKE_TOKEN, FakeBotApi } from './fake-bot-api.js'

export interface RunningBot {
  api: FakeBotApi
  bot: NewsBot
  stop: () => Promise<void>
}

export async function startTestBot(database: TestDatabase, env: Record<string, string> = {}): Promise<RunningBot> {
  const api = await new FakeBotApi().start()
  const config = parseConfig({ BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: database.url, ...env })
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', false)
  await bootstrapNews({ repos: database.repos, config, logger })
  const bot = createBot(FAKE_TOKEN, { config, logger, repos: database.repos }, { client: { apiRoot: api.apiRoot } })
  await bot.init()
  const runner: RunnerHandle = run(bot)
  return {
    api,
    bot,
    stop: async () => {
      if (runner.isRunning())
        await runner.stop()
      await api.close()
    },
  }
}
