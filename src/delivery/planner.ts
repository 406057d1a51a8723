// Once a minute: every active chat whose digest is due gets one outbox row for
// its period (pending with the new items' ids, or skipped when nothing is new).
import type { Repositories } from '#root/db/repositories/index.js'
import { duePeriod } from '#root/digest/schedule.js'
import type { Logger } from '#root/logger.js'

const FIRST_DIGEST_WINDOW_MS = 24 * 60 * 60 * 1000

export interface PlannerDependencies {
  repos: Repositories
  logger: Logger
  catchUpHours: number
}

export function createDigestPlanner({ repos, logger, catchUpHours }: PlannerDependencies) {
  return {
    /** Plans every digest due at `now`; returns how many were queued with items. */
    async tick(now: Date): Promise<{ queued: number, skipped: number }> {
      let queued = 0
      let skipped = 0
      for (const chat of await repos.chats.digestCandidates()) {
        const due = duePeriod(chat, now, catchUpHours)
        if (!due)
          continue
        const since = chat.lastDigestAt ?? new Date(now.getTime() - FIRST_DIGEST_WINDOW_MS)
        const ids = await repos.articles.idsForDigest(chat.subscriptions.map(s => s.topicId), since)
        if (!(await repos.deliveries.planDigest(chat.id, due.periodKey, ids, now)))
          continue
        if (ids.length > 0)
          queued++
        else
          skipped++
      }
      if (queued + skipped > 0)
        logger.info({ msg: 'Digests planned', queued, skipped })
      return { queued, skipped }
    },
  }
}

export type DigestPlanner = ReturnType<typeof createDigestPlanner>
