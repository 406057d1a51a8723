import type { ConversationFlavor } from '@grammyjs/conversations'
import type { I18n, I18nFlavor } from '@grammyjs/i18n'
import type { Context as DefaultContext, StorageAdapter } from 'grammy'
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { Chat } from '#root/generated/prisma/client.js'
import type { Logger } from '#root/logger.js'
import type { Metrics } from '#root/metrics.js'
import type { Ingest } from '#root/news/ingest.js'
import type { FetchPage } from '#root/news/inputs/fetch-page.js'
import type { TopicDirectory } from '#root/news/topic-directory.js'

export interface Dependencies {
  config: Config
  logger: Logger
  /** the Fluent bundles (locales/*.ftl), shared with delivery */
  i18n: I18n<Context>
  repos: Repositories
  topics: TopicDirectory
  ingest: Ingest
  /** fetches a link for /post (public addresses only unless FETCH_ALLOW_PRIVATE) */
  fetchPage: FetchPage
  /** where conversations (the admin /post flow) keep their state between updates and restarts */
  conversationStorage: StorageAdapter<unknown>
  /** Date.now, replaceable in tests */
  now?: () => Date
  /** counters and timings for GET /metrics */
  metrics?: Metrics
  /** skip an update whose id any instance has taken in before (webhook mode) */
  skipRepeatedUpdates?: boolean
  /** how long /post waits for an admin's next step (30 minutes) */
  postIdleMs?: number
  /** per-user flood limit; off for the console's single local user */
  rateLimit?: { limit: number, windowMs: number } | false
}

interface ExtendedContextFlavor {
  config: Config
  logger: Logger
  repos: Repositories
  topics: TopicDirectory
  ingest: Ingest
  fetchPage: FetchPage
  now: () => Date
  /** The chat's stored settings; undefined until /start registers it. */
  chatSettings: Chat | undefined
}

export type Context = ConversationFlavor<DefaultContext & ExtendedContextFlavor & I18nFlavor>
