// Sources wired from the configuration: adding them (bot, CLI) and the poller,
// both fetching through the one safe fetch and reading feeds in a feed worker.
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { Logger } from '#root/logger.js'
import type { SafeFetch } from '#root/net/safe-fetch.js'
import type { Ingest } from '#root/news/ingest.js'
import type { FetchPage } from '#root/news/inputs/fetch-page.js'
import { addSource } from '#root/sources/add.js'
import { createFeedWorkers, type FeedWorkerOptions } from '#root/sources/feed-workers.js'
import { createPoller, type PollerOptions } from '#root/sources/poller.js'

export interface SourcesDependencies {
  repos: Pick<Repositories, 'sources'>
  ingest: Ingest
  config: Pick<Config, 'sourcePollInterval'>
  logger: Logger
  safeFetch: SafeFetch
  /** a teaser item's page, as /post fetches links */
  fetchPage: FetchPage
  /** poller tuning (tests, benchmarks); the interval comes from the config */
  poller?: Omit<PollerOptions, 'intervalMs'>
  feedWorkers?: FeedWorkerOptions
}

/** The caller closes them on shutdown (close: the poller stops, then the feed workers). */
export function createSources({ repos, ingest, config, logger, safeFetch, fetchPage, poller, feedWorkers }: SourcesDependencies) {
  const feeds = createFeedWorkers(feedWorkers)
  const sourcePoller = createPoller(
    { sources: repos.sources, ingest, safeFetch, fetchPage, feeds, logger: logger.child({ part: 'sources' }) },
    { ...poller, intervalMs: config.sourcePollInterval * 1000 },
  )
  return {
    add: (url: string) => addSource({ sources: repos.sources, safeFetch, feeds }, url),
    poller: sourcePoller,
    async close(): Promise<void> {
      await sourcePoller.stop()
      await feeds.close()
    },
  }
}

export type Sources = ReturnType<typeof createSources>
