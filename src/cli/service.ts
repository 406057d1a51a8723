// Start-up and shutdown shared by the long-running processes (npm start, npm
// run deliver): config, logger, database server, client and migrations; one
// idempotent shutdown on SIGINT/SIGTERM that stops what the process registered,
// last first, then the database; a failed start is one line and exit code 1.
import process from 'node:process'
import type { Config } from '#root/config.js'
import { loadConfig } from '#root/cli/run.js'
import { createDatabase, type Database } from '#root/db/client.js'
import { migrate } from '#root/db/migrate.js'
import { openDatabaseServer } from '#root/db/open.js'
import { createLogger, type Logger } from '#root/logger.js'
import { logStartupFailure } from '#root/startup-error.js'

export interface Service {
  config: Config
  logger: Logger
  db: Database
  /** `stop` runs at shutdown, before what was registered earlier */
  onShutdown: (stop: () => Promise<unknown>) => void
  shutdown: (reason: string) => Promise<void>
}

/**
 * Runs `main` as a service. `refuse` may name why this configuration cannot run
 * it (printed, exit code 2) before anything starts.
 */
export async function runService(main: (service: Service) => Promise<void>, refuse?: (config: Config) => string | undefined): Promise<void> {
  const config = loadConfig()
  const refusal = refuse?.(config)
  if (refusal) {
    process.stderr.write(`${refusal}\n`)
    process.exit(2)
  }
  const logger = createLogger(config.logLevel, { secrets: config.secrets })
  const stops: Array<() => Promise<unknown>> = []
  let stopping: Promise<void> | undefined
  const shutdown = (reason: string) => (stopping ??= (async () => {
    logger.info({ msg: 'Shutting down', reason })
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => logger.warn({ msg: 'A part did not stop cleanly', err }))
    }
  })())
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)))

  try {
    const server = await openDatabaseServer(config, logger)
    stops.push(server.stop)
    const db = createDatabase(server.url)
    stops.push(() => db.$disconnect())
    const applied = await migrate(server.url)
    if (applied.length)
      logger.info({ msg: 'Migrations applied', applied })
    await main({ config, logger, db, onShutdown: stop => stops.push(stop), shutdown })
  }
  catch (error) {
    logStartupFailure(logger, error, config.telegramApiRoot)
    await shutdown('start-up failed')
    process.exitCode = 1
  }
}
