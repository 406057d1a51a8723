// Topics from seeds/topics.json; seed articles from seeds/*.txt through ingest.
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Repositories } from '#root/db/repositories/index.js'
import type { TopicSeed } from '#root/db/repositories/topic-repository.js'
import type { Ingest, IngestResult } from '#root/news/ingest.js'

export const SEEDS_DIR = resolve(fileURLToPath(new URL('../../seeds', import.meta.url)))

export async function loadTopicSeeds(dir = SEEDS_DIR): Promise<TopicSeed[]> {
  return JSON.parse(await readFile(join(dir, 'topics.json'), 'utf8')) as TopicSeed[]
}

/** Inserts new topics and refreshes existing ones from seeds/topics.json. */
export async function seedTopics(repos: Repositories, dir = SEEDS_DIR): Promise<number> {
  const topics = await loadTopicSeeds(dir)
  await repos.topics.upsertMany(topics)
  return topics.length
}

export async function importSeedArticles(ingest: Ingest, dir = SEEDS_DIR): Promise<Array<{ file: string, result: IngestResult }>> {
  const files = (await readdir(dir)).filter(f => f.endsWith('.txt')).sort()
  const results = []
  for (const file of files)
    results.push({ file, result: await ingest({ text: await readFile(join(dir, file), 'utf8') }) })
  return results
}
