import { describe, expect, it } from 'vitest'
import type { FeedItem } from '#root/sources/parse.js'
import { backoffMs, FIRST_POLL_ITEMS, isTeaser, MAX_NEW_ITEMS, publishedAt, retryAfterMs, selectItems } from '#root/sources/policy.js'

const NOW = new Date('2026-12-06T12:00:00Z')
const hours = (h: number) => new Date(NOW.getTime() - h * 3_600_000)
const item = (guid: string, date?: Date): FeedItem => ({ guid, text: 'x', publishedAt: date })
const guids = (items: FeedItem[]) => items.map(i => i.guid)

describe('which items a poll takes', () => {
  it('should take at most the 30 newest on a first poll, none older than 3 days, and skip the rest', () => {
    const items = Array.from({ length: 40 }, (_, i) => item(`g${i}`, hours(i)))
    items.push(item('old', hours(73)))
    const { take, skip } = selectItems(items.reverse(), { now: NOW, firstPoll: true })
    expect(take).toHaveLength(FIRST_POLL_ITEMS)
    expect(guids(take)).toEqual(Array.from({ length: 30 }, (_, i) => `g${i}`))
    expect(guids(skip).sort()).toEqual(['old', ...Array.from({ length: 10 }, (_, i) => `g${30 + i}`)].sort())
  })

  it('should take every new recent item on a later poll (up to its cap), undated ones after the dated in feed order', () => {
    const { take, skip } = selectItems([item('u1'), item('a', hours(5)), item('u2'), item('b', hours(1)), item('old', hours(80))], { now: NOW, firstPoll: false })
    expect(guids(take)).toEqual(['b', 'a', 'u1', 'u2'])
    expect(guids(skip)).toEqual(['old'])
    const many = Array.from({ length: MAX_NEW_ITEMS + 5 }, (_, i) => item(`m${i}`, hours(1)))
    expect(selectItems(many, { now: NOW, firstPoll: false }).take).toHaveLength(MAX_NEW_ITEMS)
  })

  it('should never date an item in the future', () => {
    expect(publishedAt(new Date('2027-01-01T00:00:00Z'), NOW)).toEqual(NOW)
    expect(publishedAt(hours(2), NOW)).toEqual(hours(2))
    expect(publishedAt(undefined, NOW)).toBeUndefined()
  })

  it('should call a short text a teaser', () => {
    expect(isTeaser('A short description of the story.')).toBe(true)
    expect(isTeaser('word '.repeat(200))).toBe(false)
  })
})

describe('when a source is polled next', () => {
  it('should double the wait per failure, capped at 6 hours (or the interval when longer)', () => {
    const interval = 600_000
    expect([1, 2, 3, 4].map(f => backoffMs(f, interval))).toEqual([600_000, 1_200_000, 2_400_000, 4_800_000])
    expect(backoffMs(10, interval)).toBe(6 * 3_600_000)
    expect(backoffMs(1000, interval)).toBe(6 * 3_600_000)
    expect(backoffMs(3, 86_400_000)).toBe(86_400_000)
  })

  it('should read Retry-After as seconds or an HTTP date, capped at a day', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000)
    expect(retryAfterMs(new Date(NOW.getTime() + 90_000).toUTCString(), NOW)).toBe(90_000)
    expect(retryAfterMs('999999999', NOW)).toBe(86_400_000)
    expect(retryAfterMs('soon', NOW)).toBeUndefined()
    expect(retryAfterMs(undefined, NOW)).toBeUndefined()
  })
})
