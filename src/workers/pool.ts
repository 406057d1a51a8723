// A small pool of worker threads for CPU-bound work on hostile input (pages,
// later feeds), so that no input can stall the event loop. Threads start on
// demand and stop after a while idle; each task has a time budget that counts
// from the moment a ready thread takes it, and a thread over budget (or out of
// memory) is terminated and replaced, its task failing with a BudgetError.
import { type ResourceLimits, Worker } from 'node:worker_threads'

export interface WorkerPoolOptions {
  /** the worker's module: it calls serve() from src/workers/serve.ts */
  file: URL
  threads: number
  budgetMs: number
  /** an idle thread is stopped after this long */
  idleMs: number
  /** a thread not ready after this long (loading its modules) is given up */
  startMs?: number
  resourceLimits?: ResourceLimits
}

/** Data many tasks share (e.g. the topic list), sent to each thread once. */
export interface Shared {
  key: number
  value: unknown
}

export class BudgetError extends Error {
  override name = 'BudgetError'
  constructor(readonly limit: 'time' | 'memory', message: string) {
    super(message)
  }
}

interface Job {
  task: unknown
  shared: Shared | undefined
  resolve: (result: unknown) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  job?: Job
  budget?: NodeJS.Timeout
  idle?: NodeJS.Timeout
  sharedKeys: Set<number>
}

export type WorkerReply = { type: 'ready' } | { type: 'done', result: unknown } | { type: 'failed', error: Error }

/** A TypeScript worker starts through tsx-worker.mjs, a compiled one directly. */
function entryOf(file: URL): { entry: URL, argv: string[] } {
  return file.pathname.endsWith('.ts')
    ? { entry: new URL('./tsx-worker.mjs', import.meta.url), argv: [file.href] }
    : { entry: file, argv: [] }
}

export function createWorkerPool<Task, Result>(options: WorkerPoolOptions) {
  const queue: Job[] = []
  const slots = new Set<Slot>()
  const { entry, argv } = entryOf(options.file)
  let closed = false

  function release(slot: Slot): Job | undefined {
    const { job } = slot
    clearTimeout(slot.budget)
    slot.job = undefined
    return job
  }

  function retire(slot: Slot): void {
    slots.delete(slot)
    clearTimeout(slot.idle)
    void slot.worker.terminate()
  }

  function spawn(): void {
    const worker = new Worker(entry, { argv, resourceLimits: options.resourceLimits })
    const slot: Slot = { worker, ready: false, sharedKeys: new Set() }
    slots.add(slot)
    const starting = setTimeout(() => void worker.terminate(), options.startMs ?? 30_000)
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        clearTimeout(starting)
        slot.ready = true
      }
      else {
        const job = release(slot)
        if (reply.type === 'done')
          job?.resolve(reply.result)
        else
          job?.reject(reply.error)
      }
      dispatch()
    })
    let failure: Error | undefined
    worker.on('error', (error: Error & { code?: string }) => {
      failure = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new BudgetError('memory', `it needed more than ${options.resourceLimits?.maxOldGenerationSizeMb ?? '?'} MB`)
        : error
    })
    worker.on('exit', () => {
      clearTimeout(starting)
      slots.delete(slot)
      clearTimeout(slot.idle)
      release(slot)?.reject(failure ?? new Error('the worker thread stopped'))
      // a thread that could not even start would be replaced by another that cannot
      if (!slot.ready)
        queue.splice(0).forEach(waiting => waiting.reject(new Error('the worker thread could not start', { cause: failure })))
      dispatch()
    })
  }

  function start(slot: Slot, job: Job): void {
    clearTimeout(slot.idle)
    slot.idle = undefined
    slot.worker.ref()
    slot.job = job
    const shared = job.shared && (slot.sharedKeys.has(job.shared.key) ? { key: job.shared.key } : job.shared)
    if (job.shared)
      slot.sharedKeys.add(job.shared.key)
    slot.budget = setTimeout(() => {
      release(slot)?.reject(new BudgetError('time', `it took longer than ${options.budgetMs / 1000} s`))
      retire(slot)
      dispatch()
      // the next page should not wait for a thread to start
      if (!closed && slots.size < options.threads && [...slots].every(s => s.job))
        spawn()
    }, options.budgetMs)
    slot.worker.postMessage({ task: job.task, shared })
  }

  function dispatch(): void {
    if (closed)
      return
    for (const slot of slots) {
      if (queue.length === 0)
        break
      if (slot.ready && !slot.job)
        start(slot, queue.shift()!)
    }
    const starting = [...slots].filter(s => !s.ready).length
    for (let i = starting; i < queue.length && slots.size < options.threads; i++)
      spawn()
    for (const slot of slots) {
      if (slot.ready && !slot.job && !slot.idle) {
        // an idle thread keeps nothing alive, and goes after idleMs
        slot.worker.unref()
        slot.idle = setTimeout(() => retire(slot), options.idleMs).unref()
      }
    }
  }

  return {
    /** Runs `task` on a thread; rejects with a BudgetError when it goes over budget. */
    run(task: Task, shared?: Shared): Promise<Result> {
      if (closed)
        return Promise.reject(new Error('the worker pool is closed'))
      return new Promise<Result>((resolve, reject) => {
        queue.push({ task, shared, resolve: resolve as (result: unknown) => void, reject })
        dispatch()
      })
    },
    /** Stops every thread; queued and running tasks fail. */
    async close(): Promise<void> {
      closed = true
      queue.splice(0).forEach(job => job.reject(new Error('the worker pool is closed')))
      const workers = [...slots]
      for (const slot of workers)
        release(slot)?.reject(new Error('the worker pool is closed'))
      slots.clear()
      await Promise.all(workers.map((slot) => {
        clearTimeout(slot.idle)
        return slot.worker.terminate()
      }))
    },
  }
}

export type WorkerPool<Task, Result> = ReturnType<typeof createWorkerPool<Task, Result>>
