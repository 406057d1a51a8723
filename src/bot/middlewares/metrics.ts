// Counts every update by kind and command, and times its handling.
import type { MiddlewareFn } from 'grammy'
import type { Update } from 'grammy/types'
import type { Context } from '#root/bot/context.js'
import { ADMIN_COMMANDS, GROUP_ADMIN_COMMANDS, USER_COMMANDS } from '#root/bot/commands.js'
import type { Metrics } from '#root/metrics.js'

const KNOWN = new Set([...USER_COMMANDS, ...GROUP_ADMIN_COMMANDS, ...ADMIN_COMMANDS])

/** The update's kind: the name of its one payload field (message, callback_query, ...). */
export function updateKind(update: Update): string {
  return Object.keys(update).find(key => key !== 'update_id') ?? 'unknown'
}

/** Our command's name, "other" for a command we do not have, "" for no command. */
function commandOf(ctx: Context): string {
  const match = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s|$)/i.exec(ctx.message?.text ?? '')
  if (!match)
    return ''
  const name = match[1]!.toLowerCase()
  return KNOWN.has(name) ? name : 'other'
}

export function updateMetrics(metrics: Metrics): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const kind = updateKind(ctx.update)
    const end = metrics.updateSeconds.startTimer({ kind })
    try {
      await next()
    }
    finally {
      end()
      metrics.updates.inc({ kind, command: commandOf(ctx) })
    }
  }
}
