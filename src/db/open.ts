import type { Config } from '#root/config.js'
import { startEmbeddedPostgres } from '#root/db/embedded.js'
import type { Logger } from '#root/logger.js'

export interface DatabaseServer {
  url: string
  /** Stops the embedded server; a no-op for an external DATABASE_URL. */
  stop: () => Promise<void>
}

/** DATABASE_URL when set, otherwise the embedded PostgreSQL under DATA_DIR. */
export async function openDatabaseServer(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<DatabaseServer> {
  if (config.databaseUrl)
    return { url: config.databaseUrl, stop: async () => {} }
  return startEmbeddedPostgres(config.dataDir, logger)
}
