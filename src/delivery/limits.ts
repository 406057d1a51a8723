import { performance } from 'node:perf_hooks'
// Telegram's broadcast limits: about 30 messages a second overall (per bot, so
// shared by every instance through a slot source), one a second per chat, 20 a
// minute per group; and a chat's own pause after a 429. Waiting for one chat
// never holds back the others.

export interface LimitSettings {
  perSecond: number
  perChatMs: number
  perGroupMinute: number
}

/**
 * Hands out `count` overall send slots, `intervalMs` apart: when the first starts
 * and the source's clock at that moment, both on the source's clock (ms). The
 * database's shared clock in production (`repos.deliveries.reserveSlots`); without
 * one, slots are counted in this process.
 */
export type SlotSource = (count: number, intervalMs: number) => Promise<{ startMs: number, clockMs: number }>

export interface LimiterOptions {
  slots?: SlotSource
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

// performance.now(): at hundreds of messages a second, whole milliseconds are too coarse
export function createLimiter(settings: LimitSettings, options: LimiterOptions = {}) {
  const now = options.now ?? (() => performance.now())
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  // 2% under the limit: a few ms of jitter (event loop, the clock's round trip)
  // must not put one message too many into a second
  const interval = 1000 / (settings.perSecond * 0.98)
  // BROADCAST_RATE=unlimited: capacity tests against a fake Bot API
  const unlimited = !Number.isFinite(settings.perSecond)
  // slots are reserved a tenth of a second's worth at a time: one database round
  // trip per block, and at most that much left unused when a burst ends
  const block = Math.max(1, Math.ceil(settings.perSecond / 10))
  // how late a slot may still be used: timers fire a little late
  const lateness = Math.max(interval / 8, 1)
  // this process's last slot: a better clock estimate may move later blocks a
  // little earlier, but never closer than one interval to what was handed out
  let lastSlot = Number.NEGATIVE_INFINITY
  let nextLocal = 0
  const slots = options.slots ?? ((count: number) => {
    const t = now()
    const start = Math.max(nextLocal, t)
    nextLocal = start + count * interval
    return Promise.resolve({ startMs: start, clockMs: t })
  })
  // the source's clock minus ours, NTP-style: from the reservation with the
  // shortest round trip among the latest ones, so that a slow answer (a busy
  // event loop, a cold query) does not shift slots onto another process's
  const offsets: Array<{ rtt: number, offset: number }> = []

  const pool: number[] = []
  let refilling: Promise<void> | undefined
  const nextForChat = new Map<string, number>()
  const groupSends = new Map<string, number[]>()
  let nextSweep = 0

  function refill(): Promise<void> {
    const sentAt = now()
    refilling ??= slots(block, interval).then(({ startMs, clockMs }) => {
      const answeredAt = now()
      offsets.push({ rtt: answeredAt - sentAt, offset: clockMs - (sentAt + answeredAt) / 2 })
      if (offsets.length > 50)
        offsets.shift()
      const { offset } = offsets.reduce((best, o) => (o.rtt < best.rtt ? o : best))
      const start = startMs - offset
      for (let i = 0; i < block; i++)
        pool.push(start + i * interval)
    }).finally(() => {
      refilling = undefined
    })
    return refilling
  }

  // entries whose time has passed decide nothing: drop them (every few seconds),
  // or a long-running bot keeps one for every chat it ever messaged
  function sweep(t: number): void {
    if (t < nextSweep)
      return
    nextSweep = t + 5000
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
      let lateWakeUps = 0
      for (;;) {
        const t = now()
        sweep(t)
        const recent = (groupSends.get(key) ?? []).filter(s => s > t - 60_000)
        const groupWait = isGroup && recent.length >= settings.perGroupMinute ? recent[0]! + 60_000 - t : 0
        const chatWait = (nextForChat.get(key) ?? 0) - t
        if (chatWait > 0 || groupWait > 0) {
          await sleep(Math.max(chatWait, groupWait))
          continue
        }
        if (unlimited) {
          nextForChat.set(key, t + settings.perChatMs)
          if (isGroup)
            groupSends.set(key, [...recent, t])
          return
        }
        // a slot that has passed is not spent late: two messages would go out
        // back to back, one more in that second than the rate allows
        while (pool.length > 0 && pool[0]! < t - lateness)
          pool.shift()
        const slot = pool.shift()
        if (slot === undefined) {
          await refill()
          continue
        }
        // booked before waiting, so a second message to this chat queues behind it
        const at = Math.max(slot, t, lastSlot + interval)
        lastSlot = at
        const booked = nextForChat.get(key)
        nextForChat.set(key, at + settings.perChatMs)
        if (isGroup)
          groupSends.set(key, [...recent, at])
        if (at > t)
          await sleep(at - t)
        // woke too late (a busy event loop): give the booking back and take a new
        // slot, but only a few times, so that a loaded process still sends
        if (now() - at <= lateness || ++lateWakeUps > 3)
          return
        if (nextForChat.get(key) === at + settings.perChatMs) {
          if (booked === undefined)
            nextForChat.delete(key)
          else
            nextForChat.set(key, booked)
        }
        if (isGroup)
          groupSends.set(key, (groupSends.get(key) ?? []).filter(s => s !== at))
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
