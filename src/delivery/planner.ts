// Once a minute: every active chat whose digest is due gets one outbox row for
// its period (pending with the new items' ids, or skipped when nothing is new).
import type { Repositories } from '#root/db/repositories/index.js'
import { createScheduleMemo, duePeriod } from '#root/digest/schedule.js'
import type { Logger } from '#root/logger.js'

const PLAN_CHUNK = 2000

export interface PlannerDependencies {
  repos: Repositories
  logger: Logger
  catchUpHours: number
  /** chats read per query */
  pageSize?: number
}

export function createDigestPlanner({ repos, logger, catchUpHours, pageSize = PLAN_CHUNK }: PlannerDependencies) {
  return {
    /** Plans every digest due at `now`; returns how many were queued with items and skipped without. */
    async tick(now: Date): Promise<{ queued: number, skipped: number }> {
      let queued = 0
      let skipped = 0
      // Time-zone maths once per schedule (zone + local time, a few even for 100k
      // chats); which chats on a due schedule still need that period is asked of
      // PostgreSQL, a page at a time, so a quiet minute reads no chats at all.
      // A chat planned up to period P is due for P' only if P < P', which is
      // what duePeriod decides for a single chat.
      const memo = createScheduleMemo()
      const schedules = (await repos.chats.digestSchedules()).flatMap((schedule) => {
        const period = duePeriod({ ...schedule, lastDigestPeriod: null }, now, catchUpHours, memo)
        return period ? [{ ...schedule, periodKey: period.periodKey }] : []
      })
      let after = -(2n ** 63n)
      while (schedules.length > 0) {
        const due = await repos.chats.dueChats(schedules, after, pageSize)
        const planned = await repos.deliveries.planDigests(due, now)
        queued += planned.queued
        skipped += planned.skipped
        if (due.length < pageSize)
          break
        after = due.at(-1)!.chatId
      }
      if (queued + skipped > 0)
        logger.info({ msg: 'Digests planned', queued, skipped })
      return { queued, skipped }
    },
  }
}

export type DigestPlanner = ReturnType<typeof createDigestPlanner>
