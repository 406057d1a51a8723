// The worker side of src/workers/pool.ts: answers each task with its handler's
// result. Shared data (sent once per thread) is turned into what the handler
// needs once, e.g. a topic list into a topic matcher.
import { parentPort } from 'node:worker_threads'
import type { WorkerReply } from '#root/workers/pool.js'

interface Request<Task> {
  task: Task
  shared?: { key: number, value?: unknown }
}

export function serve<Task, Context, Result>(handlers: {
  context: (shared: unknown) => Context
  handle: (task: Task, context: Context | undefined) => Result
}): void {
  const port = parentPort
  if (!port)
    throw new Error('serve() runs in a worker thread')
  const contexts = new Map<number, Context>()
  port.on('message', ({ task, shared }: Request<Task>) => {
    let reply: WorkerReply
    try {
      if (shared && 'value' in shared)
        contexts.set(shared.key, handlers.context(shared.value))
      reply = { type: 'done', result: handlers.handle(task, shared ? contexts.get(shared.key) : undefined) }
    }
    catch (error) {
      reply = { type: 'failed', error: error instanceof Error ? error : new Error(String(error)) }
    }
    port.postMessage(reply)
  })
  port.postMessage({ type: 'ready' } satisfies WorkerReply)
}
