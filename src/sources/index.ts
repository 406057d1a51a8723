// Sources wired from the configuration: adding them (bot, CLI) and the poller.
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { Logger } from '#root/logger.js'
import type { Ingest } from '#root/news/ingest.js'
import { fetchArticle } from '#root/news/inputs/fetch-page.js'
import { addSource } from '#root/sources/add.js'
import { createSafeFetch } from '#root/sources/interim-fetch.js'
import { createPoller, type PollerOptions } from '#root/sources/poller.js'

export interface SourcesDependencies {
  repos: Pick<Repositories, 'sources'>
  ingest: Ingest
  config: Pick<Config, 'fetchAllowPrivate' | 'sourcePollInterval'>
  logger: Logger
  /** poller tuning (tests, benchmarks); the interval comes from the config */
  poller?: Omit<PollerOptions, 'intervalMs'>
}

export function createSources({ repos, ingest, config, logger, poller }: SourcesDependencies) {
  const safeFetch = createSafeFetch({ allowPrivate: config.fetchAllowPrivate })
  return {
    add: (url: string) => addSource({ sources: repos.sources, safeFetch }, url),
    poller: createPoller(
      { sources: repos.sources, ingest, safeFetch, fetchPage: url => fetchArticle(url), logger: logger.child({ part: 'sources' }) },
      { ...poller, intervalMs: config.sourcePollInterval * 1000 },
    ),
  }
}

export type Sources = ReturnType<typeof createSources>
