// Start-up data: topics always refreshed; seed articles only into an empty store.
import type { Ingest } from '#root/news/ingest.js'
import { createNewsPipeline, type NewsPipelineDependencies } from '#root/news/pipeline.js'
import { importSeedArticles, seedTopics } from '#root/news/seed.js'

export async function bootstrapNews(deps: NewsPipelineDependencies): Promise<Ingest> {
  const { repos, logger } = deps
  await seedTopics(repos)
  const ingest = await createNewsPipeline(deps)
  if (await repos.articles.count() === 0) {
    const results = await importSeedArticles(ingest)
    logger.info({ msg: 'Seed articles imported', results: results.map(r => ({ file: r.file, status: r.result.status })) })
  }
  return ingest
}
