// Wires the ingest entry point from the stored topic list, the page workers and the configured LLM.
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { Logger } from '#root/logger.js'
import { createIngest, type Ingest } from '#root/news/ingest.js'
import { createOpenAiProvider } from '#root/news/llm.js'
import type { PageWorkers } from '#root/news/page-workers.js'
import { createStoryContext } from '#root/stories/context.js'

export interface NewsPipelineDependencies {
  repos: Repositories
  config: Pick<Config, 'llm'>
  logger: Logger
  /** the page workers (the benchmark passes an in-thread stand-in to compare) */
  pages: Pick<PageWorkers, 'processor'>
  /** false: every article a story of its own (the stories benchmark's baseline) */
  grouping?: boolean
}

export async function createNewsPipeline(deps: NewsPipelineDependencies): Promise<Ingest> {
  const { repos, config, logger, pages, grouping } = deps
  const topics = await repos.topics.list()
  return createIngest({
    articles: repos.articles,
    stories: repos.stories,
    processPage: pages.processor(topics),
    storyContext: createStoryContext(topics),
    grouping,
    topicIds: new Map(topics.map(t => [t.slug, t.id])),
    provider: config.llm ? createOpenAiProvider(config.llm) : undefined,
    logger,
  })
}
