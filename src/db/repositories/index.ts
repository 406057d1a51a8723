import type { Database } from '#root/db/client.js'
import { createArticleRepository } from '#root/db/repositories/article-repository.js'
import { createAuditRepository } from '#root/db/repositories/audit-repository.js'
import { createChatRepository } from '#root/db/repositories/chat-repository.js'
import { createDeliveryRepository } from '#root/db/repositories/delivery-repository.js'
import { createTopicRepository } from '#root/db/repositories/topic-repository.js'

export function createRepositories(db: Database) {
  return {
    articles: createArticleRepository(db),
    audit: createAuditRepository(db),
    chats: createChatRepository(db),
    deliveries: createDeliveryRepository(db),
    topics: createTopicRepository(db),
  }
}

export type Repositories = ReturnType<typeof createRepositories>
