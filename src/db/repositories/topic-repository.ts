import type { Database } from '#root/db/client.js'
import type { TopicTerms } from '#root/news/topics.js'

/** A topic as seeds/topics.json gives it: slug, names, aliases and keywords in both languages. */
export type TopicSeed = TopicTerms

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
