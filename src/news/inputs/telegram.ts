// A Telegram message as pipeline input: its text (or caption), with the origin of
// a forwarded message as the source and a public channel post's link as the URL.
import type { Message } from 'grammy/types'
import type { ArticleInput } from '#root/news/types.js'

export type MessageInput = { kind: 'url', url: string } | { kind: 'text', input: ArticleInput } | { kind: 'none' }

const ONLY_URL = /^\s*(https?:\/\/\S+)\s*$/i

export function fromTelegramMessage(message: Message): MessageInput {
  const text = message.text ?? message.caption ?? ''
  const url = ONLY_URL.exec(text)?.[1]
  if (url && !message.forward_origin)
    return { kind: 'url', url }
  if (!text.trim())
    return { kind: 'none' }
  const origin = message.forward_origin
  let sourceName: string | undefined
  let link: string | undefined
  switch (origin?.type) {
    case 'channel':
      sourceName = origin.chat.title
      link = origin.chat.username ? `https://t.me/${origin.chat.username}/${origin.message_id}` : undefined
      break
    case 'chat':
      sourceName = origin.sender_chat.title ?? origin.author_signature
      break
    case 'user':
      sourceName = [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(' ')
      break
    case 'hidden_user':
      sourceName = origin.sender_user_name
      break
    default:
      break
  }
  return { kind: 'text', input: { text, sourceName, url: link, publishedAt: origin ? new Date(origin.date * 1000) : undefined } }
}
