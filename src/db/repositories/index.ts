import type { Database } from '#root/db/client.js'
import { createArticleRepository } from '#root/db/repositories/article-repository.js'
import { createChatRepository } from '#root/db/repositories/chat-repository.js'
import { createTopicRepository } from '#root/db/repositories/topic-repository.js'

export function createRepositories(db: Database) {
  return {
    articles: createArticleRepository(db),
    chats: createChatRepository(db),
    topics: createTopicRepository(db),
  }
}

export type Repositories = ReturnType<typeof createRepositories>
