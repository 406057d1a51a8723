// Webhook endpoint (Telegram's secret token checked by grammY) and a health check.
import { createServer, type Server } from 'node:http'
import { webhookCallback } from 'grammy'
import type { NewsBot } from '#root/bot/index.js'
import type { Logger } from '#root/logger.js'

export interface ServerDependencies {
  bot: NewsBot
  logger: Logger
  secretToken: string
  webhookPath: string
}

export function createWebhookServer({ bot, logger, secretToken, webhookPath }: ServerDependencies): Server {
  const handleUpdate = webhookCallback(bot, 'http', { secretToken })
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
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
