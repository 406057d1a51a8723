// Webhook endpoint (Telegram's secret token checked by grammY) and a health check.
import { createServer, type Server } from 'node:http'
import { type Bot, webhookCallback } from 'grammy'
import type { Context } from '#root/bot/context.js'
import type { Logger } from '#root/logger.js'

/**
 * Telegram waits for our answer before it sends the chat's next updates, and
 * sends an update again when it gets none: the answer goes out after this long
 * even while the update is still being handled (a /post fetch, an LLM call).
 */
export const ANSWER_WITHIN_MS = 2000

export interface ServerDependencies {
  bot: Bot<Context>
  logger: Logger
  secretToken: string
  webhookPath: string
  /** resolves when the database answers */
  pingDatabase: () => Promise<void>
  version: string
}

export function createWebhookServer({ bot, logger, secretToken, webhookPath, pingDatabase, version }: ServerDependencies): Server {
  const handleUpdate = webhookCallback(bot, 'http', { secretToken, onTimeout: 'return', timeoutMilliseconds: ANSWER_WITHIN_MS })
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      pingDatabase().then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', database: 'ok', version })),
        (err: unknown) => {
          logger.warn({ msg: 'Health check: the database does not answer', err })
          res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', database: 'down', version }))
        },
      )
      return
    }
    if (req.method === 'POST' && req.url === webhookPath) {
      handleUpdate(req, res).catch((err: unknown) => {
        logger.error({ msg: 'Webhook update failed', err })
        if (!res.headersSent)
          res.writeHead(500).end()
      })
      return
    }
    res.writeHead(404).end()
  })
}
