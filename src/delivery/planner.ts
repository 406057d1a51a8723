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
      // time-zone maths here, the rest set-based in PostgreSQL, a page of chats at
      // a time: 100k chats are never all in memory at once. Chats whose digest
      // for their local today is planned already are left in the database.
      const memo = createScheduleMemo()
      const today = new Map((await repos.chats.activeTimeZones()).map(zone => [zone, memo.days(now, zone)[0]]))
      let after = -(2n ** 63n)
      for (;;) {
        const page = await repos.chats.digestCandidates(today, after, pageSize)
        const due = page.flatMap((chat) => {
          const period = duePeriod(chat, now, catchUpHours, memo)
          return period ? [{ chatId: chat.id, periodKey: period.periodKey }] : []
        })
        const planned = await repos.deliveries.planDigests(due, now)
        queued += planned.queued
        skipped += planned.skipped
        if (page.length < pageSize)
          break
        after = page.at(-1)!.id
      }
      if (queued + skipped > 0)
        logger.info({ msg: 'Digests planned', queued, skipped })
      return { queued, skipped }
    },
  }
}

export type DigestPlanner = ReturnType<typeof createDigestPlanner>
