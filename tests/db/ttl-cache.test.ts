import { describe, expect, it } from 'vitest'
import { createTtlCache } from '#root/db/ttl-cache.js'

describe('createTtlCache', () => {
  it('should serve a value until it expires, then load again', async () => {
    let clock = 0
    let loads = 0
    const cache = createTtlCache<number>(100, 10, () => clock)
    const load = () => Promise.resolve(++loads)
    expect(await cache.get('a', load)).toBe(1)
    clock = 99
    expect(await cache.get('a', load)).toBe(1)
    clock = 100
    expect(await cache.get('a', load)).toBe(2)
    cache.delete('a')
    expect(await cache.get('a', load)).toBe(3)
  })

  it('should not remember a failed load', async () => {
    const cache = createTtlCache<number>(1000)
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await cache.get('a', () => Promise.resolve(7))).toBe(7)
  })
})
