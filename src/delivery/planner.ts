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
}

export function createDigestPlanner({ repos, logger, catchUpHours }: PlannerDependencies) {
  return {
    /** Plans every digest due at `now`; returns how many were queued with items and skipped without. */
    async tick(now: Date): Promise<{ queued: number, skipped: number }> {
      let queued = 0
      let skipped = 0
      // time-zone maths here, the rest set-based in PostgreSQL, a chunk at a time
      const memo = createScheduleMemo()
      const due = (await repos.chats.digestCandidates()).flatMap((chat) => {
        const period = duePeriod(chat, now, catchUpHours, memo)
        return period ? [{ chatId: chat.id, periodKey: period.periodKey }] : []
      })
      for (let i = 0; i < due.length; i += PLAN_CHUNK) {
        const planned = await repos.deliveries.planDigests(due.slice(i, i + PLAN_CHUNK), now)
        queued += planned.queued
        skipped += planned.skipped
      }
      if (queued + skipped > 0)
        logger.info({ msg: 'Digests planned', queued, skipped })
      return { queued, skipped }
    },
  }
}

export type DigestPlanner = ReturnType<typeof createDigestPlanner>
