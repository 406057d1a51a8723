// Builds the bot's dependencies from a database: one place for main.ts, the
// webhook benchmark and the tests.
import type { Dependencies } from '#root/bot/context.js'
import { createI18n } from '#root/bot/i18n.js'
import type { Config } from '#root/config.js'
import type { Database } from '#root/db/client.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createSessionStorage } from '#root/db/repositories/session-storage.js'
import type { Logger } from '#root/logger.js'
import { createSafeFetch } from '#root/net/safe-fetch.js'
import { bootstrapNews } from '#root/news/bootstrap.js'
import { createPageFetcher } from '#root/news/inputs/fetch-page.js'
import type { PageWorkers } from '#root/news/page-workers.js'
import { createTopicDirectory } from '#root/news/topic-directory.js'

/** `pages` belongs to the caller, who closes it on shutdown. */
export async function createDependencies(db: Database, config: Config, logger: Logger, pages: PageWorkers): Promise<Dependencies> {
  const repos = createRepositories(db)
  const ingest = await bootstrapNews({ repos, config, logger, pages })
  const topics = createTopicDirectory(await repos.topics.list())
  const fetchPage = createPageFetcher(createSafeFetch({ allowPrivate: config.fetchAllowPrivate }))
  return { config, logger, i18n: createI18n(), repos, topics, ingest, fetchPage, conversationStorage: createSessionStorage(db) }
}
