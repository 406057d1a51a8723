// Page processing (HTML parsing, Readability, cleaning, summaries) in worker
// threads with a time budget per page: a hostile page is refused instead of
// stalling updates, deliveries and /health. Created by the composition root or
// a command's start-up, closed on shutdown.
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ProcessResult } from '#root/news/process.js'
import type { PageTask } from '#root/news/page-worker.js'
import type { TopicTerms } from '#root/news/topics.js'
import type { PageInput } from '#root/news/types.js'
import { BudgetError, createWorkerPool } from '#root/workers/pool.js'

/** page-worker.ts under tsx (development, tests), page-worker.js once compiled */
const WORKER_FILE = new URL(`./page-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)

export const PAGE_BUDGET_MS = 1500

export interface PageWorkerOptions {
  /** at most this many threads, started when pages wait */
  threads?: number
  budgetMs?: number
  idleMs?: number
  /** V8 heap of each thread */
  maxHeapMb?: number
}

export type PageProcessor = (page: PageInput, now: Date) => Promise<ProcessResult>

export function createPageWorkers({ threads = 2, budgetMs = PAGE_BUDGET_MS, idleMs = 60_000, maxHeapMb = 256 }: PageWorkerOptions = {}) {
  const pool = createWorkerPool<PageTask, ProcessResult>({
    file: WORKER_FILE, threads, budgetMs, idleMs, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  })
  let lists = 0
  return {
    /** A processor tagging with `topics` (sent to each thread once). */
    processor(topics: TopicTerms[]): PageProcessor {
      const shared = {
        key: ++lists,
        value: topics.map(({ slug, nameEn, nameRu, aliasesEn, aliasesRu, keywordsEn, keywordsRu }) => ({ slug, nameEn, nameRu, aliasesEn, aliasesRu, keywordsEn, keywordsRu })),
      }
      return async (page, now) => {
        try {
          return await pool.run({ page, now }, shared)
        }
        catch (error) {
          if (error instanceof BudgetError)
            return { ok: false, rejection: { code: 'too-complex', detail: `The page is too complex to process: ${error.message}` } }
          throw error
        }
      }
    },
    close: () => pool.close(),
  }
}

export type PageWorkers = ReturnType<typeof createPageWorkers>
