// What a chat's digest holds now: items on its topics published or ingested
// since its previous digest (the last day when there was none), newest first,
// at most 10, then how many more there are.
import type { ArticleRepository, ArticleWithSummaries } from '#root/db/repositories/article-repository.js'

export const DIGEST_ITEMS = 10
const FIRST_DIGEST_WINDOW_MS = 24 * 60 * 60 * 1000

export interface DigestContent {
  items: ArticleWithSummaries[]
  more: number
}

export async function composeDigest(articles: ArticleRepository, topicIds: number[], lastDigestAt: Date | null, now: Date): Promise<DigestContent> {
  if (topicIds.length === 0)
    return { items: [], more: 0 }
  const since = lastDigestAt ?? new Date(now.getTime() - FIRST_DIGEST_WINDOW_MS)
  const { items, total } = await articles.forDigest(topicIds, since, DIGEST_ITEMS)
  return { items, more: Math.max(0, total - items.length) }
}
