import { describe, expect, it } from 'vitest'
import { byThread, NO_ROUTES, threadsOf } from '#root/digest/threads.js'

const KAZAKHSTAN = 1
const TALIBAN = 3
const ENERGY = 9
const item = (id: number, ...topicIds: number[]) => ({ id, topics: topicIds.map(topicId => ({ topicId })) })

describe('forum threads', () => {
  const routes = { defaultThreadId: null, topics: new Map([[KAZAKHSTAN, 12], [TALIBAN, 14]]) }

  it('should send an item to the thread of each of its topics that has one, else General', () => {
    expect(threadsOf(item(1, KAZAKHSTAN), routes)).toEqual([12])
    expect(threadsOf(item(2, ENERGY, TALIBAN, KAZAKHSTAN), routes)).toEqual([12, 14])
    expect(threadsOf(item(3, ENERGY), routes)).toEqual([undefined])
    expect(threadsOf(item(4), routes)).toEqual([undefined])
    expect(threadsOf(item(5, KAZAKHSTAN), NO_ROUTES)).toEqual([undefined])
    expect(threadsOf(item(6, KAZAKHSTAN, TALIBAN), { defaultThreadId: null, topics: new Map([[KAZAKHSTAN, 12], [TALIBAN, 12]]) })).toEqual([12])
  })

  it('should send the rest to the thread /here all named', () => {
    expect(threadsOf(item(3, ENERGY), { ...routes, defaultThreadId: 20 })).toEqual([20])
    expect(threadsOf(item(1, KAZAKHSTAN), { ...routes, defaultThreadId: 20 })).toEqual([12])
  })

  it('should group a digest\'s items by thread, keeping their order, the rest first', () => {
    const groups = byThread([item(1, KAZAKHSTAN), item(2, ENERGY), item(3, KAZAKHSTAN, TALIBAN), item(4, TALIBAN)], routes)
    expect(groups.map(g => [g.threadId, g.articles.map(a => a.id)])).toEqual([[undefined, [2]], [12, [1, 3]], [14, [3, 4]]])
    const withRest = byThread([item(1, KAZAKHSTAN), item(2, ENERGY)], { ...routes, defaultThreadId: 30 })
    expect(withRest.map(g => [g.threadId, g.articles.map(a => a.id)])).toEqual([[30, [2]], [12, [1]]])
    expect(byThread([item(1, KAZAKHSTAN), item(2, ENERGY)], NO_ROUTES)).toEqual([{ threadId: undefined, articles: [item(1, KAZAKHSTAN), item(2, ENERGY)] }])
  })
})
