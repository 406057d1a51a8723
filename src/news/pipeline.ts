// Wires the ingest entry point from the stored topic list and the configured LLM.
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { Logger } from '#root/logger.js'
import { createIngest, type Ingest } from '#root/news/ingest.js'
import { createOpenAiProvider } from '#root/news/llm.js'
import { createTopicMatcher } from '#root/news/topics.js'
import { createStoryContext } from '#root/stories/context.js'

export async function createNewsPipeline(deps: { repos: Repositories, config: Pick<Config, 'llm'>, logger: Logger, grouping?: boolean }): Promise<Ingest> {
  const { repos, config, logger, grouping } = deps
  const topics = await repos.topics.list()
  return createIngest({
    articles: repos.articles,
    stories: repos.stories,
    topics: createTopicMatcher(topics),
    storyContext: createStoryContext(topics),
    grouping,
    topicIds: new Map(topics.map(t => [t.slug, t.id])),
    provider: config.llm ? createOpenAiProvider(config.llm) : undefined,
    logger,
  })
}
