import { describe, expect, it } from 'vitest'
import { createByteBudget, createFetchLimiter } from '#root/sources/limiter.js'

const tick = () => new Promise(resolve => setImmediate(resolve))

describe('fetch limiter', () => {
  it('should run at most perHost at once for one host, and let other hosts through meanwhile', async () => {
    const limiter = createFetchLimiter({ overall: 3, perHost: 2 })
    const running = new Map<string, number>()
    const peak = new Map<string, number>()
    const gates: Array<() => void> = []
    const task = (host: string) => limiter.run(host, async () => {
      running.set(host, (running.get(host) ?? 0) + 1)
      peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host)!))
      await new Promise<void>(resolve => gates.push(resolve))
      running.set(host, running.get(host)! - 1)
    })
    const all = [task('slow'), task('slow'), task('slow'), task('fast')]
    await tick()
    // two for the slow host, and the fast one is not stuck behind the third
    expect([running.get('slow'), running.get('fast')]).toEqual([2, 1])
    while (gates.length > 0) {
      gates.shift()!()
      await tick()
    }
    await Promise.all(all)
    expect(peak.get('slow')).toBe(2)
  })
})

describe('byte budget', () => {
  it('should hold back a document until its bytes fit, first come first served, and clamp one larger than the whole', async () => {
    const budget = createByteBudget(100)
    const first = await budget.acquire(60)
    const order: string[] = []
    const big = budget.acquire(500).then((release) => {
      order.push('big')
      return release
    })
    const small = budget.acquire(10).then((release) => {
      order.push('small')
      return release
    })
    await tick()
    expect(order).toEqual([])
    first()
    first()
    const releaseBig = await big
    await tick()
    expect(order).toEqual(['big'])
    releaseBig()
    ;(await small)()
    expect(order).toEqual(['big', 'small'])
  })
})
