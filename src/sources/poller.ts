// The poller: every few seconds (and when nudged) it claims the sources that are
// due and polls them, at most `maxPolls` at once; fetches share one limiter
// (overall and per host). Several processes on one database each claim their
// own sources (source-repository.ts), so each source is polled once per interval.
import pLimit from 'p-limit'
import type { ClaimedSource, SourceRepository } from '#root/db/repositories/source-repository.js'
import type { Logger } from '#root/logger.js'
import type { Ingest } from '#root/news/ingest.js'
import type { FetchPage } from '#root/news/inputs/fetch-page.js'
import type { SafeFetch } from '#root/net/safe-fetch.js'
import type { FeedLimits } from '#root/sources/feed-fetch.js'
import type { FeedWorkers } from '#root/sources/feed-workers.js'
import { createByteBudget, createFetchLimiter } from '#root/sources/limiter.js'
import { pollSource, type PollResult } from '#root/sources/poll.js'

export interface PollerDependencies {
  sources: SourceRepository
  ingest: Ingest
  safeFetch: SafeFetch
  fetchPage: FetchPage
  feeds: FeedWorkers
  logger: Logger
  now?: () => Date
}

export interface PollerOptions {
  /** SOURCE_POLL_INTERVAL in ms */
  intervalMs: number
  /** fetches at once, overall and per host */
  concurrency?: number
  perHost?: number
  /** how often to look for due sources (at most the interval) */
  tickMs?: number
  /** a claim older than this is taken over: its poller died */
  leaseMs?: number
  /** limits of each feed's fetch (tests shorten the time limit) */
  feedLimits?: FeedLimits
}

export const POLLER_DEFAULTS = { concurrency: 32, perHost: 2, tickMs: 5000, leaseMs: 10 * 60_000 }
/** Articles in the pipeline at once: one being processed while others wait on the database. */
const INGEST_SLOTS = 4
/** Feed documents being read at once, in bytes (parsed, they take a few times that of V8 heap). */
const DOCUMENT_BUDGET = 16_000_000
/** Sources claimed at most in one statement. */
const CLAIM_BATCH = 50

export interface PolledSource {
  source: ClaimedSource
  result: PollResult
}

export function createPoller(deps: PollerDependencies, options: PollerOptions) {
  const { sources, logger } = deps
  const { concurrency, perHost, leaseMs } = { ...POLLER_DEFAULTS, ...options }
  const tickMs = Math.min(options.tickMs ?? POLLER_DEFAULTS.tickMs, options.intervalMs)
  // polls in progress (fetching or ingesting): twice the fetch slots keeps them busy
  const maxPolls = concurrency * 2
  const limiter = createFetchLimiter({ overall: concurrency, perHost })
  const pollDeps = { ...deps, limiter, ingestSlot: pLimit(INGEST_SLOTS), documents: createByteBudget(DOCUMENT_BUDGET), intervalMs: options.intervalMs, feedLimits: options.feedLimits }
  const polls = new Set<Promise<void>>()
  const listeners = new Set<(polled: PolledSource) => void>()
  const stopping = new AbortController()
  let filling: Promise<void> | undefined
  let refill = false
  let timer: NodeJS.Timeout | undefined

  function start(source: ClaimedSource): void {
    const poll = pollSource(pollDeps, source, stopping.signal)
      .then(result => listeners.forEach(listener => listener({ source, result })))
      .catch((error: unknown) => logger.error({ msg: 'Source poll crashed', source_id: source.id, err: error }))
      .finally(() => {
        polls.delete(poll)
        // claim again once half the slots are free: fewer, larger claims
        if (polls.size <= maxPolls / 2)
          wake()
      })
    polls.add(poll)
  }

  async function fill(): Promise<void> {
    while (!stopping.signal.aborted) {
      const wanted = Math.min(CLAIM_BATCH, maxPolls - polls.size)
      if (wanted <= 0)
        return
      const claimed = await sources.claim(wanted, leaseMs)
      claimed.forEach(start)
      if (claimed.length < wanted)
        return
    }
  }

  /** Looks for due sources now (one look at a time; a wake during one runs another after it). */
  function wake(): void {
    if (stopping.signal.aborted)
      return
    if (filling) {
      refill = true
      return
    }
    filling = fill()
      .catch((error: unknown) => logger.error({ msg: 'Claiming sources failed', err: error }))
      .finally(() => {
        filling = undefined
        if (refill) {
          refill = false
          wake()
        }
      })
  }

  return {
    start(): void {
      timer ??= setInterval(wake, tickMs).unref()
      wake()
    },

    /** A source was added or resumed: poll it without waiting for the next tick. */
    nudge: wake,

    /** Polls every source that is due and returns when all are done (tests, the CLI, benchmarks). */
    async runDue(): Promise<PolledSource[]> {
      const done: PolledSource[] = []
      const listener = (polled: PolledSource) => done.push(polled)
      listeners.add(listener)
      try {
        for (;;) {
          if (!filling)
            wake()
          await filling
          await Promise.all(polls)
          // a finished poll looks for more (wake): done when that look found nothing
          if (!filling && polls.size === 0)
            break
        }
      }
      finally {
        listeners.delete(listener)
      }
      return done
    },

    /** Stops claiming; polls in progress stop at their next item and give their sources back. */
    async stop(): Promise<void> {
      clearInterval(timer)
      stopping.abort()
      await filling
      await Promise.all(polls)
    },
  }
}

export type Poller = ReturnType<typeof createPoller>
