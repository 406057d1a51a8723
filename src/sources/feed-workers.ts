// Reading feeds (XML parsing, HTML to text, feed discovery) in a worker thread
// with a time budget: a hostile feed (deeply nested, megabytes of attributes)
// is refused instead of stalling updates, deliveries and other polls. Owned by
// the sources (src/sources/index.ts), closed with them.
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FeedTaskResult } from '#root/sources/feed-worker.js'
import { FeedParseError } from '#root/sources/parse.js'
import type { FetchedDocument, ReadDocument } from '#root/sources/read.js'
import { BudgetError, createWorkerPool } from '#root/workers/pool.js'

/** feed-worker.ts under tsx (development, tests), feed-worker.js once compiled */
const WORKER_FILE = new URL(`./feed-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)

/** A 4 MB feed of 500 items reads in well under a second. */
export const FEED_BUDGET_MS = 5000

export interface FeedWorkerOptions {
  threads?: number
  budgetMs?: number
  idleMs?: number
  maxHeapMb?: number
}

export function createFeedWorkers({ threads = 1, budgetMs = FEED_BUDGET_MS, idleMs = 60_000, maxHeapMb = 256 }: FeedWorkerOptions = {}) {
  const pool = createWorkerPool<FetchedDocument, FeedTaskResult>({ file: WORKER_FILE, threads, budgetMs, idleMs, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } })
  return {
    /** The document read; FeedParseError when it is not a readable feed (or takes too long to read). */
    async read(document: FetchedDocument): Promise<ReadDocument> {
      let result: FeedTaskResult
      try {
        result = await pool.run(document)
      }
      catch (error) {
        if (error instanceof BudgetError)
          throw new FeedParseError('too-complex', `the feed is too complex to read (${error.message})`)
        throw error
      }
      if (!result.ok)
        throw new FeedParseError(result.code, result.message)
      return result.document
    },
    close: () => pool.close(),
  }
}

export type FeedWorkers = ReturnType<typeof createFeedWorkers>
