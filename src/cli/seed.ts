// npm run seed: upserts the topics and imports the seed articles (duplicates are reported, not stored twice).
import process from 'node:process'
import { withDatabase } from '#root/cli/run.js'
import { createDatabase } from '#root/db/client.js'
import { migrate } from '#root/db/migrate.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createPageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { importSeedArticles, seedTopics } from '#root/news/seed.js'

await withDatabase(async (server, config, logger) => {
  await migrate(server.url)
  const db = createDatabase(server.url)
  const pages = createPageWorkers()
  try {
    const repos = createRepositories(db)
    process.stdout.write(`Topics: ${await seedTopics(repos)} upserted\n`)
    for (const { file, result } of await importSeedArticles(await createNewsPipeline({ repos, config, logger, pages }))) {
      const detail = result.status === 'rejected' ? result.rejection.detail : `#${result.id} ${result.article.title}`
      process.stdout.write(`${file}: ${result.status} ${detail}\n`)
    }
  }
  finally {
    await pages.close()
    await db.$disconnect()
  }
})
