import type { Message } from 'grammy/types'
import { describe, expect, it } from 'vitest'
import { fromTelegramMessage } from '#root/news/inputs/telegram.js'

const base = { message_id: 1, date: 1_700_000_000, chat: { id: 1, type: 'private', first_name: 'A' } }

describe('Telegram messages as input', () => {
  it('should take a forwarded channel post with the channel as source and the post link as URL', () => {
    const message = { ...base, text: 'Long text of the post', forward_origin: { type: 'channel', date: 1_725_667_200, message_id: 42, chat: { id: -100, type: 'channel', title: 'Zan Times', username: 'zantimes' } } } as unknown as Message
    expect(fromTelegramMessage(message)).toEqual({
      kind: 'text',
      input: { text: 'Long text of the post', sourceName: 'Zan Times', url: 'https://t.me/zantimes/42', publishedAt: new Date(1_725_667_200_000) },
    })
  })

  it('should name a forwarding user or hidden user as the source', () => {
    const user = { ...base, text: 'x', forward_origin: { type: 'user', date: 1, sender_user: { id: 5, is_bot: false, first_name: 'Aida', last_name: 'Bekova' } } } as unknown as Message
    expect(fromTelegramMessage(user)).toMatchObject({ kind: 'text', input: { sourceName: 'Aida Bekova' } })
    const hidden = { ...base, text: 'x', forward_origin: { type: 'hidden_user', date: 1, sender_user_name: 'Anonymous Reporter' } } as unknown as Message
    expect(fromTelegramMessage(hidden)).toMatchObject({ kind: 'text', input: { sourceName: 'Anonymous Reporter' } })
  })

  it('should see a bare link as a URL to fetch, a caption as text and an empty message as nothing', () => {
    expect(fromTelegramMessage({ ...base, text: ' https://example.org/news/1 ' } as Message)).toEqual({ kind: 'url', url: 'https://example.org/news/1' })
    expect(fromTelegramMessage({ ...base, caption: 'Photo caption text' } as unknown as Message)).toMatchObject({ kind: 'text', input: { text: 'Photo caption text' } })
    expect(fromTelegramMessage({ ...base, sticker: {} } as unknown as Message)).toEqual({ kind: 'none' })
  })
})
