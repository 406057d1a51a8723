import type { Database } from '#root/db/client.js'

export function createDeliveryRepository(db: Database) {
  return {
    /** Deliveries sent and failed since `since`, for /stats. */
    async countSince(since: Date): Promise<{ sent: number, failed: number }> {
      const [sent, failed] = await Promise.all([
        db.delivery.count({ where: { status: 'sent', sentAt: { gte: since } } }),
        db.delivery.count({ where: { status: 'failed', createdAt: { gte: since } } }),
      ])
      return { sent, failed }
    },
  }
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>
