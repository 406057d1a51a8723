import pino from 'pino'

export type Logger = pino.Logger

// Logs go to stderr: in console mode stdout carries the bot's replies.
export function createLogger(level: string, pretty = Boolean(process.stderr.isTTY)): Logger {
  if (pretty) {
    return pino({ level }, pino.transport({ target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname' } }))
  }
  return pino({ level }, pino.destination(2))
}
