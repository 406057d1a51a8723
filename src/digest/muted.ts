// Muted words: a chat's words or phrases matched on Snowball stems in plain text
// (no regular expressions from users), in either language. An article keeps
// " stem stem ... " of its title and summaries; a muted phrase is its stems the
// same way, and matches where it occurs whole in that line.
import { stem } from '#root/news/topics.js'
import { tokens } from '#root/news/text.js'

export const MAX_MUTED = 50
export const MAX_MUTED_LENGTH = 64

/** " stem stem ... " of some texts: what muted words are looked for in. */
export function stemLine(texts: Array<string | null | undefined>): string {
  const stems = texts.flatMap(text => text ? tokens(text).flatMap(token => token.split(/[-.'’]/u)).filter(Boolean).map(stem) : [])
  return stems.length > 0 ? ` ${stems.join(' ')} ` : ' '
}

/** A muted word or phrase as looked for; undefined when it has no letters or digits. */
export function mutedStems(phrase: string): string | undefined {
  const line = stemLine([phrase])
  return line.trim() ? line : undefined
}
