// Webhook updates taken in, shared by every instance: Telegram sends an update
// again when it did not get our answer, possibly to another instance.
import type { Database } from '#root/db/client.js'

// Telegram gives up on an update well within a day
const PRUNE_EVERY_MS = 10 * 60_000

export function createUpdateRepository(db: Database) {
  let nextPrune = 0
  return {
    /** True the first time any instance sees `updateId`, false for a repeat. */
    async firstSight(updateId: number): Promise<boolean> {
      const inserted = await db.$executeRaw`INSERT INTO seen_updates (update_id) VALUES (${updateId}) ON CONFLICT DO NOTHING`
      if (Date.now() >= nextPrune) {
        nextPrune = Date.now() + PRUNE_EVERY_MS
        await db.$executeRaw`DELETE FROM seen_updates WHERE received_at < now() - interval '1 day'`
      }
      return inserted === 1
    },
  }
}

export type UpdateRepository = ReturnType<typeof createUpdateRepository>
