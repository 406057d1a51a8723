// Wires the ingest entry point from the stored topic list, the page workers and the configured LLM.
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { Logger } from '#root/logger.js'
import { createIngest, type Ingest } from '#root/news/ingest.js'
import { createOpenAiProvider } from '#root/news/llm.js'
import type { PageWorkers } from '#root/news/page-workers.js'

export interface NewsPipelineDependencies {
  repos: Repositories
  config: Pick<Config, 'llm'>
  logger: Logger
  /** the page workers (the benchmark passes an in-thread stand-in to compare) */
  pages: Pick<PageWorkers, 'processor'>
}

export async function createNewsPipeline(deps: NewsPipelineDependencies): Promise<Ingest> {
  const { repos, config, logger, pages } = deps
  const topics = await repos.topics.list()
  return createIngest({
    articles: repos.articles,
    processPage: pages.processor(topics),
    topicIds: new Map(topics.map(t => [t.slug, t.id])),
    provider: config.llm ? createOpenAiProvider(config.llm) : undefined,
    logger,
  })
}
