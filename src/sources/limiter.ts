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
