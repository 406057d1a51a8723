// Digests and pushes in one process: the planner each minute, the sender on the
// outbox, within Telegram's limits. The overall rate is Telegram's per bot, so
// every process takes its send slots from the clock in the database.
import type { I18n } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import type { Context } from '#root/bot/context.js'
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import { createLimiter } from '#root/delivery/limits.js'
import { createDigestPlanner } from '#root/delivery/planner.js'
import { type Scheduler, startScheduler } from '#root/delivery/scheduler.js'
import { createSender } from '#root/delivery/sender.js'
import type { Logger } from '#root/logger.js'
import type { TopicDirectory } from '#root/news/topic-directory.js'

export interface DeliveryDependencies {
  config: Pick<Config, 'broadcastRate' | 'allowPaidBroadcast' | 'digestCatchUpHours'>
  /** an Api of its own, without auto-retry: the sender handles 429 per chat */
  api: Api
  repos: Repositories
  topics: TopicDirectory
  i18n: I18n<Context>
  logger: Logger
  /** the bot's username: items get share links (none in console mode) */
  shareVia?: string
}

export function startDelivery({ config, api, repos, topics, i18n, logger, shareVia }: DeliveryDependencies): Scheduler {
  const limiter = createLimiter(
    { perSecond: config.broadcastRate, perChatMs: 1000, perGroupMinute: 20 },
    { slots: (count, ms) => repos.deliveries.reserveSlots(count, ms) },
  )
  const sender = createSender({ api, repos, topics, i18n, logger, limiter, paidBroadcast: config.allowPaidBroadcast, shareVia })
  return startScheduler({ planner: createDigestPlanner({ repos, logger, catchUpHours: config.digestCatchUpHours }), sender, logger })
}
