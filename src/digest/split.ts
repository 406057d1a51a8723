// Packs rendered parts into as few messages as fit Telegram's limit, breaking
// only between parts (items), never inside one.
import { htmlToPlain } from '#root/digest/html.js'

export const MESSAGE_LIMIT = 4096
const SEPARATOR = '\n\n'

export function visibleLength(html: string): number {
  return htmlToPlain(html).length
}

export function packMessages(parts: string[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = []
  let current = ''
  for (const part of parts) {
    const next = current ? `${current}${SEPARATOR}${part}` : part
    if (current && visibleLength(next) > limit) {
      messages.push(current)
      current = part
    }
    else {
      current = next
    }
  }
  if (current)
    messages.push(current)
  return messages
}
