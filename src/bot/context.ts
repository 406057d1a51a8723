import type { I18nFlavor } from '@grammyjs/i18n'
import type { Context as DefaultContext } from 'grammy'
import type { Config } from '#root/config.js'
import type { Repositories } from '#root/db/repositories/index.js'
import type { Chat } from '#root/generated/prisma/client.js'
import type { Logger } from '#root/logger.js'

export interface Dependencies {
  config: Config
  logger: Logger
  repos: Repositories
}

interface ExtendedContextFlavor {
  config: Config
  logger: Logger
  repos: Repositories
  /** The chat's stored settings; undefined until /start registers it. */
  chatSettings: Chat | undefined
}

export type Context = DefaultContext & ExtendedContextFlavor & I18nFlavor
