// When each chat's daily digest is due, in its own time zone (DST included:
// @date-fns/tz computes the instant of a local wall-clock time).
import { TZDate } from '@date-fns/tz'
import { addDays } from 'date-fns/addDays'
import { format } from 'date-fns/format'

export interface DigestSchedule {
  timeZone: string
  /** HH:MM local */
  digestTime: string
  /** local date of the last digest period planned, YYYY-MM-DD */
  lastDigestPeriod: string | null
}

export interface DuePeriod {
  /** the local date the digest belongs to: the outbox's unique key per chat */
  periodKey: string
  /** the instant it was due */
  dueAt: Date
}

/** The instant of `time` (HH:MM) on local date `day` (YYYY-MM-DD) in `timeZone`. */
export function localInstant(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  // a wall-clock time skipped by a DST jump resolves to the next valid instant
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime())
}

export function localDay(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd')
}

/**
 * Time-zone arithmetic is the cost of planning, and 100k chats share a few
 * zones and times: a memo, used for one planning round, computes each once.
 */
export function createScheduleMemo() {
  const days = new Map<string, [string, string]>()
  const instants = new Map<string, Date>()
  return {
    days(now: Date, timeZone: string): [string, string] {
      let found = days.get(timeZone)
      if (!found) {
        const today = localDay(now, timeZone)
        const todayNoon = new TZDate(`${today}T12:00:00`, timeZone)
        found = [today, format(addDays(todayNoon, -1), 'yyyy-MM-dd')]
        days.set(timeZone, found)
      }
      return found
    },
    instant(day: string, time: string, timeZone: string): Date {
      const key = `${day} ${time} ${timeZone}`
      let found = instants.get(key)
      if (!found) {
        found = localInstant(day, time, timeZone)
        instants.set(key, found)
      }
      return found
    },
  }
}

export type ScheduleMemo = ReturnType<typeof createScheduleMemo>

/**
 * The digest period due at `now`, if any: today's once its time has passed, or
 * yesterday's if it was missed (the process was down) — each only while less
 * than `catchUpHours` late, and never a period already planned.
 */
export function duePeriod(chat: DigestSchedule, now: Date, catchUpHours: number, memo: ScheduleMemo = createScheduleMemo()): DuePeriod | undefined {
  const [today, yesterday] = memo.days(now, chat.timeZone)
  for (const day of [today, yesterday]) {
    if (chat.lastDigestPeriod !== null && chat.lastDigestPeriod >= day)
      return undefined
    const dueAt = memo.instant(day, chat.digestTime, chat.timeZone)
    const late = now.getTime() - dueAt.getTime()
    if (late >= 0)
      return late < catchUpHours * 3_600_000 ? { periodKey: day, dueAt } : undefined
  }
  return undefined
}
