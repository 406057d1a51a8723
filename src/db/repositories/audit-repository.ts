import type { Database } from '#root/db/client.js'
import type { AuditAction } from '#root/generated/prisma/enums.js'
import type { InputJsonValue } from '#root/generated/prisma/internal/prismaNamespace.js'

export function createAuditRepository(db: Database) {
  return {
    async record(entry: { actorId: number, action: AuditAction, articleId?: number, details?: InputJsonValue }): Promise<void> {
      await db.auditLog.create({ data: { actorId: BigInt(entry.actorId), action: entry.action, articleId: entry.articleId, details: entry.details } })
    },

    async list(articleId: number) {
      return db.auditLog.findMany({ where: { articleId }, orderBy: { id: 'asc' } })
    },
  }
}

export type AuditRepository = ReturnType<typeof createAuditRepository>
