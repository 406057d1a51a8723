// What a failed start says: one line an operator can act on, never a stack
// trace that buries the cause (nor a token: the logger redacts either way).
import { GrammyError, HttpError } from 'grammy'
import { PostgresStartError } from '#root/db/postgres-server.js'
import type { Logger } from '#root/logger.js'

export function describeStartupError(error: unknown, telegramApiRoot?: string): string {
  if (error instanceof HttpError) {
    const cause = error.error as { message?: string, code?: string, cause?: { code?: string } } | undefined
    const reason = cause?.code ?? cause?.cause?.code ?? cause?.message ?? error.message
    return `Cannot reach the Telegram Bot API${telegramApiRoot ? ` at ${telegramApiRoot}` : ''} (${reason}): check the network, TELEGRAM_API_ROOT or a proxy`
  }
  if (error instanceof GrammyError) {
    if (error.error_code === 401 || error.error_code === 404)
      return `Telegram refused the bot token (${error.error_code} ${error.description}): check BOT_TOKEN`
    return `Telegram answered ${error.method} with ${error.error_code} ${error.description}`
  }
  if (error instanceof PostgresStartError)
    return `The embedded PostgreSQL did not start: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}

/** Logs a failed start: Telegram's refusals as one line, anything unexpected with its stack. */
export function logStartupFailure(logger: Logger, error: unknown, telegramApiRoot?: string): void {
  const expected = error instanceof HttpError || error instanceof GrammyError || error instanceof PostgresStartError
  logger.fatal({ msg: `Start-up failed: ${describeStartupError(error, telegramApiRoot)}`, ...(expected ? {} : { err: error }) })
}
