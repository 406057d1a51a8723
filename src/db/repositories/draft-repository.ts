// An admin's /post draft between updates, in the sessions table beside the
// conversation itself: the conversation keeps only a checkpoint and reads the
// draft from here, so its own replay log does not grow with every edit.
import type { Database } from '#root/db/client.js'

const key = (adminId: number) => `post-draft:${adminId}`

export function createDraftRepository(db: Database) {
  return {
    async get<T>(adminId: number): Promise<T | undefined> {
      const row = await db.session.findUnique({ where: { key: key(adminId) } })
      return row ? JSON.parse(row.value) as T : undefined
    },

    async set(adminId: number, value: unknown): Promise<void> {
      const json = JSON.stringify(value)
      await db.session.upsert({ where: { key: key(adminId) }, create: { key: key(adminId), value: json }, update: { value: json } })
    },

    async delete(adminId: number): Promise<void> {
      await db.session.deleteMany({ where: { key: key(adminId) } })
    },
  }
}

export type DraftRepository = ReturnType<typeof createDraftRepository>
