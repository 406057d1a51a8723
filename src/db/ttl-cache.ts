// A small in-process cache for hot reads (/latest pages, chat settings). Entries
// live `ttlMs`; this process's own writes clear them at once, other instances'
// writes show within `ttlMs`.
export interface TtlCache<V> {
  get: (key: string, load: () => Promise<V>) => Promise<V>
  delete: (key: string) => void
  clear: () => void
}

export function createTtlCache<V>(ttlMs: number, maxEntries = 1000, now = () => Date.now()): TtlCache<V> {
  const entries = new Map<string, { value: Promise<V>, expires: number }>()
  return {
    async get(key, load) {
      const hit = entries.get(key)
      if (hit && hit.expires > now())
        return hit.value
      if (entries.size >= maxEntries)
        entries.clear()
      const value = load()
      entries.set(key, { value, expires: now() + ttlMs })
      // a failed load is not remembered
      value.catch(() => entries.delete(key))
      return value
    },
    delete: key => void entries.delete(key),
    clear: () => entries.clear(),
  }
}
