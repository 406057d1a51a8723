import { performance } from 'node:perf_hooks'
// Telegram's broadcast limits, per process: about 30 messages a second overall,
// one a second per chat, 20 a minute per group; and a chat's own pause after a
// 429. Waiting for one chat never holds back the others.

export interface LimitSettings {
  perSecond: number
  perChatMs: number
  perGroupMinute: number
}

// performance.now(): at hundreds of messages a second, whole milliseconds are too coarse
export function createLimiter(settings: LimitSettings, now = () => performance.now(), sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))) {
  let nextGlobal = 0
  const nextForChat = new Map<string, number>()
  const groupSends = new Map<string, number[]>()
  const interval = 1000 / settings.perSecond
  let nextSweep = 0

  // entries whose time has passed decide nothing: drop them (at most once a minute),
  // or a long-running bot keeps one for every chat it ever messaged
  function sweep(t: number): void {
    if (t < nextSweep)
      return
    nextSweep = t + 60_000
    for (const [key, at] of nextForChat) {
      if (at <= t)
        nextForChat.delete(key)
    }
    for (const [key, sends] of groupSends) {
      if (sends.every(s => s <= t - 60_000))
        groupSends.delete(key)
    }
  }

  return {
    /** Waits until a message to `chatId` may go out, and books the slot. */
    async acquire(chatId: bigint): Promise<void> {
      const key = String(chatId)
      const isGroup = chatId < 0n
      for (;;) {
        const t = now()
        sweep(t)
        const recent = (groupSends.get(key) ?? []).filter(s => s > t - 60_000)
        const groupWait = isGroup && recent.length >= settings.perGroupMinute ? recent[0]! + 60_000 - t : 0
        const wait = Math.max(nextForChat.get(key) ?? 0, nextGlobal) - t
        if (wait <= 0 && groupWait <= 0) {
          nextGlobal = Math.max(nextGlobal, t) + interval
          nextForChat.set(key, t + settings.perChatMs)
          if (isGroup)
            groupSends.set(key, [...recent, t])
          return
        }
        await sleep(Math.max(wait, groupWait))
      }
    },

    /** Telegram said retry_after for this chat. */
    pause(chatId: bigint, ms: number): void {
      const key = String(chatId)
      nextForChat.set(key, Math.max(nextForChat.get(key) ?? 0, now() + ms))
    },

    /** How many chats the limiter remembers (pruned as their slots pass). */
    get tracked(): number {
      return nextForChat.size + groupSends.size
    },
  }
}

export type Limiter = ReturnType<typeof createLimiter>
