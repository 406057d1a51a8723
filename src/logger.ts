import pino from 'pino'
import { redactor } from '#root/redact.js'

export type Logger = pino.Logger

export interface LoggerOptions {
  /** pino-pretty for people; defaults to whether stderr is a terminal */
  pretty?: boolean
  /** values that must never be written (the bot token, passwords, API keys), besides the patterns redact.ts knows */
  secrets?: ReadonlyArray<string | undefined>
  /** where lines go (stderr by default) */
  destination?: pino.DestinationStream
}

// Logs go to stderr: in console mode stdout carries the bot's replies.
// Every line is redacted as written, after serialisation: whatever carries a
// secret (an error's message, its stack, a cause's URL, a nested field) is
// covered, not only the fields someone remembered to clean.
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY)
  const destination = options.destination ?? (pretty
    ? pino.transport({ target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname' } })
    : pino.destination(2))
  const redact = redactor(options.secrets ?? [])
  return pino({ level }, { write: (line: string) => destination.write(redact(line)) })
}
