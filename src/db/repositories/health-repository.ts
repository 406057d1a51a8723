import type { Database } from '#root/db/client.js'

export function createHealthRepository(db: Database) {
  return {
    /** Resolves when the database answers a query within `timeoutMs`; rejects otherwise. */
    async ping(timeoutMs = 2000): Promise<void> {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
      })
      try {
        await Promise.race([db.$queryRaw`SELECT 1`, timeout])
      }
      finally {
        clearTimeout(timer)
      }
    },
  }
}
