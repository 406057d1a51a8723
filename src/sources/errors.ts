// Why a feed could not be added or polled, as a code and arguments: the bot
// localises it (fetch-error-<code> for the safe fetch's, source-error-<code> for
// ours, in locales/*.ftl), the CLI prints it in English, /sources shows a
// source's last one.
import { SafeFetchError } from '#root/net/safe-fetch.js'
import { FeedParseError } from '#root/sources/parse.js'

export interface SourceError {
  code: string
  args: Record<string, string | number>
  /** the safe fetch's own code (its messages are fetch-error-<code>) */
  fetch?: boolean
}

/** The Fluent key of its message. */
export function sourceErrorKey(error: SourceError): string {
  return `${error.fetch ? 'fetch-error' : 'source-error'}-${error.code}`
}

/** A failure of the feed itself (fetching or reading it), as opposed to one of ours. */
export function isFeedError(error: unknown): boolean {
  return error instanceof SafeFetchError || error instanceof FeedParseError
}

/** Any failure of fetching or reading a feed as a SourceError (an unexpected one as `internal`). */
export function sourceError(error: unknown): SourceError {
  if (error instanceof SafeFetchError)
    return { code: error.code, args: error.args, fetch: true }
  if (error instanceof FeedParseError)
    return { code: error.code, args: { reason: error.message } }
  return { code: 'internal', args: { reason: error instanceof Error ? error.message : String(error) } }
}

/** As stored in sources.last_error. */
export function storeError(error: SourceError): string {
  return JSON.stringify(error)
}

/** A stored last_error back; text that is not ours becomes an `internal` error with that text. */
export function readStoredError(stored: string | null): SourceError | undefined {
  if (!stored)
    return undefined
  try {
    const parsed = JSON.parse(stored) as SourceError
    if (typeof parsed.code === 'string' && typeof parsed.args === 'object' && parsed.args !== null)
      return parsed
  }
  catch {
    // not JSON
  }
  return { code: 'internal', args: { reason: stored } }
}
