// The HTTP side: Telegram's webhook (its secret token checked by grammY), a
// health check and Prometheus metrics. Webhook mode serves all three on PORT;
// long polling serves health and metrics on METRICS_PORT when it is set.
import { createServer, type Server } from 'node:http'
import { type Bot, webhookCallback } from 'grammy'
import type { Registry } from 'prom-client'
import type { Context } from '#root/bot/context.js'
import type { Logger } from '#root/logger.js'

/**
 * Telegram waits for our answer before it sends the chat's next updates, and
 * sends an update again when it gets none: the answer goes out after this long
 * even while the update is still being handled (a /post fetch, an LLM call).
 */
export const ANSWER_WITHIN_MS = 2000

export interface ServerDependencies {
  logger: Logger
  /** resolves when the database answers */
  pingDatabase: () => Promise<void>
  version: string
  metrics?: Registry
  webhook?: { bot: Bot<Context>, secretToken: string, path: string }
}

export function createHttpServer({ logger, pingDatabase, version, metrics, webhook }: ServerDependencies): Server {
  const handleUpdate = webhook && webhookCallback(webhook.bot, 'http', { secretToken: webhook.secretToken, onTimeout: 'return', timeoutMilliseconds: ANSWER_WITHIN_MS })
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
    if (metrics && req.method === 'GET' && req.url === '/metrics') {
      metrics.metrics().then(
        text => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (err: unknown) => {
          logger.warn({ msg: 'Metrics could not be collected', err })
          res.writeHead(500).end()
        },
      )
      return
    }
    if (handleUpdate && req.method === 'POST' && req.url === webhook.path) {
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
