// Secrets never reach a log line or a reply. Patterns catch what looks like a
// credential wherever it appears (grammY puts the bot token into every request
// URL, and its HttpError carries that URL); the known values catch the rest.

// /bot<id>:<secret>/ in Bot API URLs, and a bare token anywhere
const BOT_URL = /\/bot\d+:[\w-]+/g
const BOT_TOKEN = /\b\d{5,}:[\w-]{30,}/g
// user:password@ in any URL (postgresql://, https://)
const URL_PASSWORD = /\b([a-z][\w+.-]*:\/\/[^\s:/@"'<>]*):[^\s@/"'<>]+@/gi

export const REDACTED = '<redacted>'

/** A function that removes every secret from a text: `secrets` (exact values) and the patterns above. */
export function redactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  // each value also as it appears inside JSON and URLs
  const values = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6)
    .flatMap(s => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]))]
    .sort((a, b) => b.length - a.length)
  return (text: string) => {
    let out = text.replace(BOT_URL, `/bot${REDACTED}`).replace(BOT_TOKEN, REDACTED).replace(URL_PASSWORD, `$1:${REDACTED}@`)
    for (const value of values) {
      if (out.includes(value))
        out = out.split(value).join(REDACTED)
    }
    return out
  }
}

/** The password of a connection URL, if it has one. */
export function urlPassword(url: string | undefined): string | undefined {
  if (!url)
    return undefined
  try {
    const password = new URL(url).password
    return password ? decodeURIComponent(password) : undefined
  }
  catch {
    return undefined
  }
}
