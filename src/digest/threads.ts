// Forum supergroups: the threads each item of a digest or push goes to. An item
// goes to the thread of every one of its topics that has one (/here <topic>):
// each thread follows its subject. An item on none of them goes to the chat's
// thread for everything else (/here all), else to General.

/** A forum's threads: where a topic's items go, and where the rest go (null: General). */
export interface ThreadRoutes {
  defaultThreadId: number | null
  topics: ReadonlyMap<number, number>
}

export const NO_ROUTES: ThreadRoutes = { defaultThreadId: null, topics: new Map() }

/** The message_thread_ids this item goes to; undefined: the General thread. */
export function threadsOf(article: { topics: ReadonlyArray<{ topicId: number }> }, routes: ThreadRoutes): Array<number | undefined> {
  const threads = new Set(article.topics.flatMap(({ topicId }) => routes.topics.get(topicId) ?? []))
  return threads.size > 0 ? [...threads].sort((a, b) => a - b) : [routes.defaultThreadId ?? undefined]
}

/**
 * The items grouped by thread, each group in the items' order: General (or the
 * thread for everything else) first, then the topics' threads in id order.
 */
export function byThread<T extends { topics: ReadonlyArray<{ topicId: number }> }>(articles: T[], routes: ThreadRoutes): Array<{ threadId: number | undefined, articles: T[] }> {
  const groups = new Map<number | undefined, T[]>()
  for (const article of articles) {
    for (const thread of threadsOf(article, routes))
      groups.set(thread, [...(groups.get(thread) ?? []), article])
  }
  const rest = routes.defaultThreadId ?? undefined
  const order = (thread: number | undefined) => (thread === rest ? -Infinity : thread!)
  return [...groups].sort(([a], [b]) => order(a) - order(b)).map(([threadId, items]) => ({ threadId, articles: items }))
}
