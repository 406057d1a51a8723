import type { Database } from '#root/db/client.js'

export interface TopicSeed {
  slug: string
  nameEn: string
  nameRu: string
  aliasesEn: string[]
  aliasesRu: string[]
  keywordsEn: string[]
  keywordsRu: string[]
}

export function createTopicRepository(db: Database) {
  return {
    /** Inserts new topics and refreshes the names, aliases and keywords of existing ones. */
    async upsertMany(topics: TopicSeed[]): Promise<void> {
      await db.$transaction(topics.map(({ slug, ...fields }) =>
        db.topic.upsert({ where: { slug }, create: { slug, ...fields }, update: fields })))
    },

    async list() {
      return db.topic.findMany({ orderBy: { slug: 'asc' } })
    },
  }
}

export type TopicRepository = ReturnType<typeof createTopicRepository>
