import { describe, expect, it } from 'vitest'
import { byThread, NO_ROUTES, threadOf } from '#root/digest/threads.js'

const KAZAKHSTAN = 1
const TALIBAN = 3
const ENERGY = 9
const item = (id: number, ...topicIds: number[]) => ({ id, topics: topicIds.map(topicId => ({ topicId })) })

describe('forum threads', () => {
  const routes = { defaultThreadId: null, topics: new Map([[KAZAKHSTAN, 12], [TALIBAN, 14]]) }

  it('should send an item to the thread of its first topic that has one, else General', () => {
    expect(threadOf(item(1, KAZAKHSTAN), routes)).toBe(12)
    expect(threadOf(item(2, ENERGY, TALIBAN, KAZAKHSTAN), routes)).toBe(14)
    expect(threadOf(item(3, ENERGY), routes)).toBeUndefined()
    expect(threadOf(item(4), routes)).toBeUndefined()
    expect(threadOf(item(5, KAZAKHSTAN), NO_ROUTES)).toBeUndefined()
  })

  it('should send the rest to the thread /here all named', () => {
    expect(threadOf(item(3, ENERGY), { ...routes, defaultThreadId: 20 })).toBe(20)
    expect(threadOf(item(1, KAZAKHSTAN), { ...routes, defaultThreadId: 20 })).toBe(12)
  })

  it('should group a digest\'s items by thread, keeping their order', () => {
    const groups = byThread([item(1, KAZAKHSTAN), item(2, ENERGY), item(3, KAZAKHSTAN, TALIBAN), item(4, TALIBAN)], routes)
    expect(groups.map(g => [g.threadId, g.articles.map(a => a.id)])).toEqual([[12, [1, 3]], [undefined, [2]], [14, [4]]])
    expect(byThread([item(1, KAZAKHSTAN), item(2, ENERGY)], NO_ROUTES)).toEqual([{ threadId: undefined, articles: [item(1, KAZAKHSTAN), item(2, ENERGY)] }])
  })
})
