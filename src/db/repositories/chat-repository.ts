import type { Database } from '#root/db/client.js'
import type { ChatType, Language } from '#root/generated/prisma/enums.js'

export interface ChatRegistration {
  id: number
  type: ChatType
  title: string | null
  uiLanguage: Language
  timeZone: string
  digestTime: string
}

export function createChatRepository(db: Database) {
  return {
    async find(id: number) {
      return db.chat.findUnique({ where: { id: BigInt(id) } })
    },

    /** Creates the chat with defaults, or resumes it (a paused or blocked chat becomes active; settings are kept). */
    async register(chat: ChatRegistration) {
      const { id, ...fields } = chat
      return db.chat.upsert({
        where: { id: BigInt(id) },
        create: { id: BigInt(id), ...fields, digestLanguage: fields.uiLanguage },
        update: { state: 'active', title: fields.title },
      })
    },
  }
}

export type ChatRepository = ReturnType<typeof createChatRepository>
