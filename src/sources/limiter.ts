// Politeness and fairness for outbound fetches: at most `overall` at once, and
// at most `perHost` to any one host, so a slow or broken host holds only its
// own slots (each for at most a fetch's time limit) and never delays the rest.
import pLimit, { type LimitFunction } from 'p-limit'

export interface FetchLimiter {
  /** Runs `task` once both a slot for `host` and an overall slot are free. */
  run: <T>(host: string, task: () => Promise<T>) => Promise<T>
}

export function createFetchLimiter({ overall, perHost }: { overall: number, perHost: number }): FetchLimiter {
  const all = pLimit(overall)
  const hosts = new Map<string, LimitFunction>()
  return {
    async run(host, task) {
      let limit = hosts.get(host)
      if (!limit) {
        limit = pLimit(perHost)
        hosts.set(host, limit)
      }
      const mine = limit
      try {
        // the host's slot first: waiting for a busy host holds no overall slot
        return await mine(() => all(task))
      }
      finally {
        // idle hosts are forgotten: the map holds only hosts being fetched
        if (mine.activeCount === 0 && mine.pendingCount === 0)
          hosts.delete(host)
      }
    },
  }
}

/** The limiter's key for a URL: its host and port. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  }
  catch {
    return url
  }
}

/**
 * A budget of bytes shared by polls: a poll holds its document's size from
 * decoding until it is done, so parsed documents never take more than `total`
 * together, however large the feeds (a document larger than the whole budget
 * waits for all of it). First come, first served.
 */
export function createByteBudget(total: number) {
  let available = total
  const waiting: Array<{ weight: number, resolve: () => void }> = []
  const pump = () => {
    while (waiting.length > 0 && waiting[0]!.weight <= available) {
      const next = waiting.shift()!
      available -= next.weight
      next.resolve()
    }
  }
  return {
    /** Waits for `bytes` of the budget; returns its release. */
    async acquire(bytes: number): Promise<() => void> {
      const weight = Math.min(Math.max(1, bytes), total)
      await new Promise<void>((resolve) => {
        waiting.push({ weight, resolve })
        pump()
      })
      let released = false
      return () => {
        if (released)
          return
        released = true
        available += weight
        pump()
      }
    },
  }
}

export type ByteBudget = ReturnType<typeof createByteBudget>
