// npm run seed: upserts the topics and imports the seed articles (duplicates are reported, not stored twice).
import process from 'node:process'
import { withDatabase } from '#root/cli/run.js'
import { createDatabase } from '#root/db/client.js'
import { migrate } from '#root/db/migrate.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createIngest } from '#root/news/ingest.js'
import { importSeedArticles, loadTopicSeeds } from '#root/news/seed.js'

await withDatabase(async (server) => {
  await migrate(server.url)
  const db = createDatabase(server.url)
  try {
    const repos = createRepositories(db)
    const topics = await loadTopicSeeds()
    await repos.topics.upsertMany(topics)
    process.stdout.write(`Topics: ${topics.length} upserted\n`)
    for (const { file, result } of await importSeedArticles(createIngest({ articles: repos.articles }))) {
      const detail = result.status === 'rejected' ? result.reason : `#${result.id} ${result.article.title}`
      process.stdout.write(`${file}: ${result.status} ${detail}\n`)
    }
  }
  finally {
    await db.$disconnect()
  }
})
