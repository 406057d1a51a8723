// A chat's muted words: what it typed, and the stems looked for (src/digest/muted.ts).
import type { Database } from '#root/db/client.js'
import { createTtlCache } from '#root/db/ttl-cache.js'

export interface Muted { word: string, stems: string }

export function createMutedRepository(db: Database, cacheMs = 2000) {
  const load = (chatId: number) => db.mutedWord.findMany({ where: { chatId: BigInt(chatId) }, orderBy: { createdAt: 'asc' }, select: { word: true, stems: true } })
  const lists = createTtlCache<Muted[]>(cacheMs, 10_000)

  return {
    /** The chat's muted words, oldest first (read by every /latest, /topic and /digest: cached like chat settings). */
    async list(chatId: number): Promise<Muted[]> {
      return lists.get(String(chatId), () => load(chatId))
    },

    /**
     * Adds a muted word unless the chat has `max` already (checked in the same
     * statement, so two at once cannot pass it) or has these stems already.
     */
    async add(chatId: number, muted: Muted, max: number): Promise<'added' | 'exists' | 'full'> {
      const inserted = await db.$executeRaw`
        INSERT INTO muted_words (chat_id, word, stems)
        SELECT ${BigInt(chatId)}, ${muted.word}, ${muted.stems}
        WHERE (SELECT count(*) FROM muted_words WHERE chat_id = ${BigInt(chatId)}) < ${max}
        ON CONFLICT DO NOTHING`
      lists.delete(String(chatId))
      if (inserted > 0)
        return 'added'
      const exists = await db.mutedWord.count({ where: { chatId: BigInt(chatId), stems: muted.stems } })
      return exists > 0 ? 'exists' : 'full'
    },

    /** Removes one muted word (by its stems); false when it was not muted. */
    async remove(chatId: number, stems: string): Promise<boolean> {
      const { count } = await db.mutedWord.deleteMany({ where: { chatId: BigInt(chatId), stems } })
      lists.delete(String(chatId))
      return count > 0
    },

    /** Removes them all; how many there were. */
    async clear(chatId: number): Promise<number> {
      const { count } = await db.mutedWord.deleteMany({ where: { chatId: BigInt(chatId) } })
      lists.delete(String(chatId))
      return count
    },
  }
}

export type MutedRepository = ReturnType<typeof createMutedRepository>
