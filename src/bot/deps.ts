// Builds the bot's dependencies from a database: one place for main.ts, the
// webhook benchmark and the tests.
import type { Dependencies } from '#root/bot/context.js'
import { createI18n } from '#root/bot/i18n.js'
import type { Config } from '#root/config.js'
import type { Database } from '#root/db/client.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createSessionStorage } from '#root/db/repositories/session-storage.js'
import type { Logger } from '#root/logger.js'
import { bootstrapNews } from '#root/news/bootstrap.js'
import { createTopicDirectory } from '#root/news/topic-directory.js'
import { createSources } from '#root/sources/index.js'

export async function createDependencies(db: Database, config: Config, logger: Logger): Promise<Dependencies> {
  const repos = createRepositories(db)
  const ingest = await bootstrapNews({ repos, config, logger })
  const topics = createTopicDirectory(await repos.topics.list())
  const sources = createSources({ repos, ingest, config, logger })
  return { config, logger, i18n: createI18n(), repos, topics, ingest, sources, conversationStorage: createSessionStorage(db) }
}
