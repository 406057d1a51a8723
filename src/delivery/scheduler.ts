// node-cron ticks every minute: plan what is due, then wake the sender. The
// first tick runs at start, which is also when missed digests are caught up.
import cron from 'node-cron'
import type { DigestPlanner } from '#root/delivery/planner.js'
import type { Sender } from '#root/delivery/sender.js'
import type { Logger } from '#root/logger.js'

export function startScheduler(deps: { planner: DigestPlanner, sender: Sender, logger: Logger, now?: () => Date }) {
  const { planner, sender, logger } = deps
  const now = deps.now ?? (() => new Date())
  let ticking: Promise<void> = Promise.resolve()
  const tick = () => {
    // a slow tick is not overlapped by the next one
    ticking = ticking.then(async () => {
      try {
        const { queued } = await planner.tick(now())
        if (queued > 0)
          sender.nudge()
      }
      catch (error) {
        logger.error({ msg: 'Digest planning failed', err: error })
      }
    })
    return ticking
  }
  const task = cron.schedule('* * * * *', () => void tick())
  sender.start()
  void tick()
  return {
    tick,
    async stop(): Promise<void> {
      await task.stop()
      await ticking
      await sender.stop()
    },
  }
}

export type Scheduler = ReturnType<typeof startScheduler>
