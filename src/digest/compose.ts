// What a chat's digest holds now: the stories since its previous digest (the
// last day when there was none), by the one definition the planner uses too
// (db/repositories/digest-query.ts), and how many more there are.
import type { StoryItem, StoryRepository } from '#root/db/repositories/story-repository.js'

export { DIGEST_ITEMS } from '#root/db/repositories/digest-query.js'
export const FIRST_DIGEST_WINDOW_MS = 24 * 60 * 60 * 1000

export interface DigestContent {
  items: StoryItem[]
  more: number
}

/** Since when a chat's digest collects stories. */
export function digestSince(lastDigestAt: Date | null, now: Date): Date {
  return lastDigestAt ?? new Date(now.getTime() - FIRST_DIGEST_WINDOW_MS)
}

export async function composeDigest(stories: StoryRepository, chatId: number, lastDigestAt: Date | null, now: Date): Promise<DigestContent> {
  const { items, total } = await stories.digest(chatId, digestSince(lastDigestAt, now))
  return { items, more: Math.max(0, total - items.length) }
}
