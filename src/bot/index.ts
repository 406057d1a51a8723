import { conversations } from '@grammyjs/conversations'
import { limit } from '@grammyjs/ratelimiter'
import { autoRetry } from '@grammyjs/auto-retry'
import { sequentialize } from '@grammyjs/runner'
import { Bot, type BotConfig } from 'grammy'
import type { Context, Dependencies } from '#root/bot/context.js'
import { createPostConversation } from '#root/bot/conversations/post.js'
import { adminFeature, leaveCommands, postEntry } from '#root/bot/features/admin.js'
import { channelsFeature } from '#root/bot/features/channels.js'
import { digestFeature } from '#root/bot/features/digest.js'
import { forumFeature } from '#root/bot/features/forum.js'
import { groupsFeature } from '#root/bot/features/groups.js'
import { helpFeature } from '#root/bot/features/help.js'
import { inlineFeature } from '#root/bot/features/inline.js'
import { latestFeature } from '#root/bot/features/latest.js'
import { membershipFeature } from '#root/bot/features/membership.js'
import { settingsFeature } from '#root/bot/features/settings.js'
import { mutedFeature } from '#root/bot/features/muted.js'
import { sourcesFeature } from '#root/bot/features/sources.js'
import { topicsFeature } from '#root/bot/features/topics.js'
import { unhandledFeature } from '#root/bot/features/unhandled.js'
import { welcomeFeature } from '#root/bot/features/welcome.js'
import { createErrorHandler } from '#root/bot/handlers/error.js'
import { updateMetrics } from '#root/bot/middlewares/metrics.js'
import { isBotAdmin } from '#root/bot/helpers/permissions.js'
import { uiLanguageFor } from '#root/bot/i18n.js'

export type { Context, Dependencies }

/** Per user: at most 5 updates in 3 s; the first one over it gets a warning. */
export const DEFAULT_RATE_LIMIT = { limit: 5, windowMs: 3000 }
/** Inline queries come a keystroke at a time: a limit of their own, four times looser. */
const INLINE_RATE_FACTOR = 4

export function createBot(token: string, deps: Dependencies, botConfig?: BotConfig<Context>) {
  const { config, logger, i18n, repos, topics, ingest, fetchPage, sources, conversationStorage } = deps
  const now = deps.now ?? (() => new Date())
  const bot = new Bot<Context>(token, botConfig)
  const warned = new Map<string, number>()

  // API: wait and retry when Telegram answers 429 (or 5xx); a network error is
  // thrown at once, so an unreachable API fails start-up instead of hanging
  const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true })
  bot.api.config.use(retry)

  // Webhooks: an update Telegram sends again (our answer was lost) is not handled twice
  if (deps.skipRepeatedUpdates) {
    bot.use(async (ctx, next) => {
      if (await repos.updates.firstSight(ctx.update.update_id))
        return next()
      logger.info({ msg: 'Update received again: skipped', update_id: ctx.update.update_id })
    })
  }

  // Every update counted and timed (GET /metrics)
  if (deps.metrics)
    bot.use(updateMetrics(deps.metrics))

  // Updates of one chat one after another (the runner and webhooks run them
  // concurrently): the conversation state of a chat is read and written in order
  bot.use(sequentialize(ctx => ctx.chat?.id.toString()))

  // Dependencies first, so that everything after them (the error handler too) can log
  bot.use((ctx, next) => {
    ctx.config = config
    ctx.logger = logger.child({ update_id: ctx.update.update_id })
    ctx.repos = repos
    ctx.topics = topics
    ctx.ingest = ingest
    ctx.fetchPage = fetchPage
    ctx.sources = sources
    ctx.now = now
    ctx.chatSettings = undefined
    return next()
  })

  const protectedBot = bot.errorBoundary(createErrorHandler(i18n))
  const rateLimit = deps.rateLimit ?? DEFAULT_RATE_LIMIT
  if (rateLimit) {
    // inline queries have their own limit below; the bot's own membership
    // changes (my_chat_member) are never dropped
    protectedBot.use(limit({
      timeFrame: rateLimit.windowMs,
      limit: rateLimit.limit,
      keyGenerator: ctx => (ctx.inlineQuery || ctx.myChatMember ? undefined : ctx.from?.id.toString()),
      // the update is dropped; the first one over the limit gets a warning
      onLimitExceeded: (ctx) => {
        const key = ctx.from?.id.toString() ?? ''
        if (!ctx.chat || (warned.get(key) ?? 0) > Date.now() - rateLimit.windowMs)
          return
        warned.set(key, Date.now())
        ctx.reply(i18n.t(uiLanguageFor(ctx.from?.language_code), 'rate-limited'))
          .catch((err: unknown) => logger.warn({ msg: 'Could not send the rate-limit warning', err }))
      },
    }))
    protectedBot.use(limit({
      timeFrame: rateLimit.windowMs,
      limit: rateLimit.limit * INLINE_RATE_FACTOR,
      keyPrefix: 'inline',
      keyGenerator: ctx => ctx.inlineQuery?.from.id.toString(),
      onLimitExceeded: () => undefined,
    }))
  }
  // a channel's posts are its own, never commands to the bot (it has no sender to check)
  protectedBot.on(['channel_post', 'edited_channel_post'], () => undefined)
  protectedBot.use(async (ctx, next) => {
    if (ctx.chat)
      ctx.chatSettings = (await repos.chats.find(ctx.chat.id)) ?? undefined
    return next()
  })
  protectedBot.use(i18n)
  protectedBot.use(groupsFeature)
  protectedBot.use(membershipFeature)

  // /post lives in admins' private chats only: the conversations plugin is not
  // even installed elsewhere, so nobody else's update can step into an admin's
  // conversation (ADMIN_IDS is checked on every update, not only at /post).
  const adminChats = protectedBot.chatType('private').filter(isBotAdmin)
  adminChats.use(conversations({
    storage: { type: 'key', adapter: conversationStorage as never, prefix: 'conversation:' },
    // conversations build their own Api objects: they retry on 429 too
    plugins: [(ctx, next) => {
      ctx.api.config.use(retry)
      return next()
    }],
  }))
  adminChats.use(leaveCommands)
  adminChats.use(createPostConversation({ i18n, topics, idleMs: deps.postIdleMs }))
  adminChats.use(postEntry)

  // Features
  protectedBot.use(welcomeFeature)
  protectedBot.use(helpFeature)
  protectedBot.use(inlineFeature)
  protectedBot.use(latestFeature)
  protectedBot.use(topicsFeature)
  protectedBot.use(settingsFeature)
  protectedBot.use(mutedFeature)
  protectedBot.use(forumFeature)
  protectedBot.use(digestFeature)
  protectedBot.use(channelsFeature)
  protectedBot.use(adminFeature)
  protectedBot.use(sourcesFeature)
  // must be the last handler
  protectedBot.use(unhandledFeature)

  return bot
}

export type NewsBot = ReturnType<typeof createBot>
