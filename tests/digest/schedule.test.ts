import { describe, expect, it } from 'vitest'
import { duePeriod, localDay, localInstant } from '#root/digest/schedule.js'

const at = (iso: string) => new Date(iso)

describe('digest schedule', () => {
  it('should place 09:00 in Almaty (UTC+5), Moscow (UTC+3) and New York at the right instants', () => {
    expect(localInstant('2026-11-22', '09:00', 'Asia/Almaty')).toEqual(at('2026-11-22T04:00:00Z'))
    expect(localInstant('2026-11-22', '09:00', 'Europe/Moscow')).toEqual(at('2026-11-22T06:00:00Z'))
    expect(localInstant('2026-11-22', '09:00', 'America/New_York')).toEqual(at('2026-11-22T14:00:00Z'))
  })

  it('should follow New York across both DST changes', () => {
    // EDT (UTC-4) until 1 November 2026, EST (UTC-5) after; back to EDT on 8 March 2026
    expect(localInstant('2026-10-31', '09:00', 'America/New_York')).toEqual(at('2026-10-31T13:00:00Z'))
    expect(localInstant('2026-11-01', '09:00', 'America/New_York')).toEqual(at('2026-11-01T14:00:00Z'))
    expect(localInstant('2026-03-07', '09:00', 'America/New_York')).toEqual(at('2026-03-07T14:00:00Z'))
    expect(localInstant('2026-03-08', '09:00', 'America/New_York')).toEqual(at('2026-03-08T13:00:00Z'))
    // 02:30 does not exist on 8 March: the next valid instant
    expect(localInstant('2026-03-08', '02:30', 'America/New_York').getTime()).toBeGreaterThanOrEqual(at('2026-03-08T07:00:00Z').getTime())
  })

  it('should know the local date, which is not the UTC date near midnight', () => {
    expect(localDay(at('2026-11-22T20:00:00Z'), 'Asia/Almaty')).toBe('2026-11-23')
    expect(localDay(at('2026-11-22T03:00:00Z'), 'America/New_York')).toBe('2026-11-21')
  })

  const chat = { timeZone: 'Asia/Almaty', digestTime: '09:00', lastDigestPeriod: null as string | null }

  it('should be due once the local time has passed, not before, and not twice', () => {
    expect(duePeriod(chat, at('2026-11-22T03:59:00Z'), 6)).toBeUndefined()
    // 03:59 UTC is before 09:00 in Almaty, and yesterday's 09:00 is 23 h ago: over the catch-up limit
    expect(duePeriod(chat, at('2026-11-22T04:00:00Z'), 6)).toEqual({ periodKey: '2026-11-22', dueAt: at('2026-11-22T04:00:00Z') })
    expect(duePeriod({ ...chat, lastDigestPeriod: '2026-11-22' }, at('2026-11-22T04:01:00Z'), 6)).toBeUndefined()
  })

  it('should catch up a missed digest less than the limit late, and skip an older one', () => {
    expect(duePeriod(chat, at('2026-11-22T09:59:00Z'), 6)).toMatchObject({ periodKey: '2026-11-22' })
    expect(duePeriod(chat, at('2026-11-22T10:00:00Z'), 6)).toBeUndefined()
    // just after local midnight: yesterday's was missed 15 h ago
    expect(duePeriod({ ...chat, digestTime: '18:00' }, at('2026-11-22T19:30:00Z'), 6)).toBeUndefined()
    expect(duePeriod({ ...chat, digestTime: '22:00' }, at('2026-11-22T19:30:00Z'), 6)).toMatchObject({ periodKey: '2026-11-22', dueAt: at('2026-11-22T17:00:00Z') })
  })

  it('should plan yesterday\'s digest after local midnight when it is still within the catch-up window', () => {
    // 23:30 in Moscow on the 21st was missed; at 01:00 on the 22nd (22:00 UTC on the 21st) it is 1.5 h late
    const moscow = { timeZone: 'Europe/Moscow', digestTime: '23:30', lastDigestPeriod: '2026-11-20' }
    expect(duePeriod(moscow, at('2026-11-21T22:00:00Z'), 6)).toEqual({ periodKey: '2026-11-21', dueAt: at('2026-11-21T20:30:00Z') })
  })
})
