import { Bot, type BotConfig } from 'grammy'
import type { Context, Dependencies } from '#root/bot/context.js'
import { helpFeature } from '#root/bot/features/help.js'
import { latestFeature } from '#root/bot/features/latest.js'
import { unhandledFeature } from '#root/bot/features/unhandled.js'
import { welcomeFeature } from '#root/bot/features/welcome.js'
import { createErrorHandler } from '#root/bot/handlers/error.js'
import { createI18n } from '#root/bot/i18n.js'

export type { Context, Dependencies }

export function createBot(token: string, deps: Dependencies, botConfig?: BotConfig<Context>) {
  const { config, logger, repos } = deps
  const bot = new Bot<Context>(token, botConfig)

  const i18n = createI18n()

  // Dependencies first, so that everything after them (the error handler too) can log
  bot.use((ctx, next) => {
    ctx.config = config
    ctx.logger = logger.child({ update_id: ctx.update.update_id })
    ctx.repos = repos
    ctx.chatSettings = undefined
    return next()
  })

  const protectedBot = bot.errorBoundary(createErrorHandler(i18n))
  protectedBot.use(async (ctx, next) => {
    if (ctx.chat)
      ctx.chatSettings = (await repos.chats.find(ctx.chat.id)) ?? undefined
    return next()
  })
  protectedBot.use(i18n)
  protectedBot.use(welcomeFeature)
  protectedBot.use(helpFeature)
  protectedBot.use(latestFeature)
  // must be the last handler
  protectedBot.use(unhandledFeature)

  return bot
}

export type NewsBot = ReturnType<typeof createBot>
