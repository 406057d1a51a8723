import type { Database } from '#root/db/client.js'
import { createArticleRepository } from '#root/db/repositories/article-repository.js'
import { createAuditRepository } from '#root/db/repositories/audit-repository.js'
import { createChatRepository } from '#root/db/repositories/chat-repository.js'
import { createDeliveryRepository } from '#root/db/repositories/delivery-repository.js'
import { createDraftRepository } from '#root/db/repositories/draft-repository.js'
import { createHealthRepository } from '#root/db/repositories/health-repository.js'
import { createMutedRepository } from '#root/db/repositories/muted-repository.js'
import { createSourceRepository } from '#root/db/repositories/source-repository.js'
import { createStoryRepository } from '#root/db/repositories/story-repository.js'
import { createTopicRepository } from '#root/db/repositories/topic-repository.js'
import { createUpdateRepository } from '#root/db/repositories/update-repository.js'

/** `cacheMs`: how long hot reads may be served from memory (0: never; tools that inspect the database). */
export function createRepositories(db: Database, options: { cacheMs?: number } = {}) {
  const stories = createStoryRepository(db, options.cacheMs)
  return {
    articles: createArticleRepository(db, options.cacheMs, stories.changed),
    audit: createAuditRepository(db),
    chats: createChatRepository(db, options.cacheMs),
    deliveries: createDeliveryRepository(db),
    drafts: createDraftRepository(db),
    muted: createMutedRepository(db, options.cacheMs),
    health: createHealthRepository(db),
    sources: createSourceRepository(db),
    stories,
    topics: createTopicRepository(db),
    updates: createUpdateRepository(db),
  }
}

export type Repositories = ReturnType<typeof createRepositories>
