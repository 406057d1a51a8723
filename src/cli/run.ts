// Shared start-up for command-line tools: config, logger, database server.
import process from 'node:process'
import { type Config, ConfigError, parseConfig } from '#root/config.js'
import { type DatabaseServer, openDatabaseServer } from '#root/db/open.js'
import { createLogger, type Logger } from '#root/logger.js'
import { logStartupFailure } from '#root/startup-error.js'

export function loadEnv(): void {
  try {
    process.loadEnvFile()
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw error
  }
}

/** Loads .env and parses the config; a bad value prints one line and exits 2. */
export function loadConfig(): Config {
  loadEnv()
  try {
    return parseConfig(process.env)
  }
  catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
}

/** Runs `task` with a database server, stopping an embedded one afterwards; a server that cannot start is one line and exit code 1. */
export async function withDatabase<T>(task: (server: DatabaseServer, config: Config, logger: Logger) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel, { secrets: config.secrets })
  let server: DatabaseServer
  try {
    server = await openDatabaseServer(config, logger)
  }
  catch (error) {
    logStartupFailure(logger, error)
    process.exit(1)
  }
  try {
    return await task(server, config, logger)
  }
  finally {
    await server.stop()
  }
}
