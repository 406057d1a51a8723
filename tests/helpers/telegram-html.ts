// Telegram's HTML parse mode as the Bot API applies it: supported tags only,
// properly nested, the four named entities plus numeric ones. Returns the plain
// text (what the length limit counts) or the error Telegram reports.

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji'])
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

export type HtmlParse = { ok: true, text: string } | { ok: false, error: string }

function byteOffset(html: string, index: number): number {
  return Buffer.byteLength(html.slice(0, index))
}

export function parseTelegramHtml(html: string): HtmlParse {
  const stack: string[] = []
  let text = ''
  let i = 0
  while (i < html.length) {
    const ch = html[i]!
    if (ch === '<') {
      const end = html.indexOf('>', i)
      if (end === -1)
        return { ok: false, error: `Can't find end of the tag starting at byte offset ${byteOffset(html, i)}` }
      const raw = html.slice(i + 1, end).trim()
      if (raw.startsWith('/')) {
        const name = raw.slice(1).trim().toLowerCase()
        const open = stack.pop()
        if (open === undefined)
          return { ok: false, error: `Unexpected end tag at byte offset ${byteOffset(html, i)}` }
        if (open !== name)
          return { ok: false, error: `Unmatched end tag at byte offset ${byteOffset(html, i)}, expected "</${open}>", found "</${name}>"` }
      }
      else {
        const name = (/^[\w-]+/.exec(raw)?.[0] ?? '').toLowerCase()
        if (!TAGS.has(name))
          return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${byteOffset(html, i)}` }
        stack.push(name)
      }
      i = end + 1
      continue
    }
    if (ch === '&') {
      const match = /^&(#x[\da-f]+|#\d+|[a-z]+);/i.exec(html.slice(i, i + 12))
      if (!match)
        return { ok: false, error: `Can't find end of the entity starting at byte offset ${byteOffset(html, i)}` }
      const name = match[1]!
      if (name.startsWith('#'))
        text += String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)))
      else if (NAMED[name.toLowerCase()] !== undefined)
        text += NAMED[name.toLowerCase()]
      else
        return { ok: false, error: `Unsupported HTML entity "&${name};" at byte offset ${byteOffset(html, i)}` }
      i += match[0].length
      continue
    }
    text += ch
    i++
  }
  if (stack.length > 0)
    return { ok: false, error: `Can't find end tag corresponding to start tag "${stack.at(-1)}"` }
  return { ok: true, text }
}
