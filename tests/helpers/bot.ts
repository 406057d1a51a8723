// Starts the real bot with real long polling (@grammyjs/runner) against the fake Bot API.
import { run, type RunnerHandle } from '@grammyjs/runner'
import { createDependencies } from '#root/bot/deps.js'
import { createBot, type Dependencies, type NewsBot } from '#root/bot/index.js'
import { parseConfig } from '#root/config.js'
import { createLogger } from '#root/logger.js'
import { createPageWorkers, type PageWorkerOptions } from '#root/news/page-workers.js'
import type { TestDatabase } from './database.js'
import { FAKE_TOKEN, FakeBotApi } from './fake-bot-api.js'

export interface RunningBot {
  api: FakeBotApi
  bot: NewsBot
  deps: Dependencies
  stop: () => Promise<void>
}

export const ADMIN_ID = 9001

export interface TestBotOptions {
  env?: Record<string, string>
  api?: FakeBotApi
  now?: () => Date
  rateLimit?: Dependencies['rateLimit']
  /** the page workers' settings (e.g. a short budget) */
  pages?: PageWorkerOptions
  postIdleMs?: number
  /** collects the bot's log lines (level info) */
  logLines?: string[]
}

export async function startTestBot(database: TestDatabase, options: TestBotOptions = {}): Promise<RunningBot> {
  const api = options.api ?? await new FakeBotApi().start()
  const config = parseConfig({ BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: database.url, ADMIN_IDS: String(ADMIN_ID), ...options.env })
  const logLines = options.logLines
  const logger = logLines
    ? createLogger('info', { pretty: false, destination: { write: (line: string) => logLines.push(line) } })
    : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', { pretty: false })
  const pages = createPageWorkers(options.pages)
  const deps: Dependencies = { ...await createDependencies(database.db, config, logger, pages), ...(options.now ? { now: options.now } : {}), ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }), ...(options.postIdleMs ? { postIdleMs: options.postIdleMs } : {}) }
  const bot = createBot(FAKE_TOKEN, deps, { client: { apiRoot: api.apiRoot } })
  await bot.init()
  const runner: RunnerHandle = run(bot)
  return {
    api,
    bot,
    deps,
    stop: async () => {
      if (runner.isRunning())
        await runner.stop()
      await pages.close()
      if (!options.api)
        await api.close()
    },
  }
}
