// Deep links into the bot (t.me/<bot>?start=<payload>) and the share link under
// each item: Telegram's share dialog with the item's deep link, so whoever gets
// it opens the item in the bot (and can subscribe to its topic in one tap).
import { clip } from '#root/news/text.js'

/** /start payloads: `topic-<slug>` subscribes, `item-<id>` shows an item. Telegram allows [A-Za-z0-9_-], at most 64. */
const PAYLOAD = /^(topic|item)-([a-z0-9][a-z0-9-]{0,50}|\d{1,9})$/

export type StartLink = { kind: 'topic', slug: string } | { kind: 'item', id: number }

export function parseStartPayload(payload: string): StartLink | undefined {
  const match = PAYLOAD.exec(payload.trim())
  if (!match)
    return undefined
  if (match[1] === 'item')
    return /^\d+$/.test(match[2]!) ? { kind: 'item', id: Number(match[2]) } : undefined
  return { kind: 'topic', slug: match[2]! }
}

export function deepLink(botUsername: string, link: StartLink): string {
  return `https://t.me/${botUsername}?start=${link.kind === 'topic' ? `topic-${link.slug}` : `item-${link.id}`}`
}

/** Telegram's share dialog: pick a chat, and it gets the title and the item's deep link. */
export function shareUrl(botUsername: string, articleId: number, title: string): string {
  const url = deepLink(botUsername, { kind: 'item', id: articleId })
  return `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(clip(title, 100))}`
}
