// Forum supergroups: the thread each item of a digest or push goes to. An item
// goes to the thread of the first of its topics that has one (/here <topic>),
// else to the chat's thread for everything else (/here all), else General.

/** A forum's threads: where a topic's items go, and where the rest go (null: General). */
export interface ThreadRoutes {
  defaultThreadId: number | null
  topics: ReadonlyMap<number, number>
}

export const NO_ROUTES: ThreadRoutes = { defaultThreadId: null, topics: new Map() }

/** message_thread_id for this item; undefined: the General thread. */
export function threadOf(article: { topics: ReadonlyArray<{ topicId: number }> }, routes: ThreadRoutes): number | undefined {
  for (const { topicId } of article.topics) {
    const thread = routes.topics.get(topicId)
    if (thread !== undefined)
      return thread
  }
  return routes.defaultThreadId ?? undefined
}

/** The items grouped by thread, each group in the items' order, groups in the order their first item comes. */
export function byThread<T extends { topics: ReadonlyArray<{ topicId: number }> }>(articles: T[], routes: ThreadRoutes): Array<{ threadId: number | undefined, articles: T[] }> {
  const groups = new Map<number | undefined, T[]>()
  for (const article of articles) {
    const thread = threadOf(article, routes)
    groups.set(thread, [...(groups.get(thread) ?? []), article])
  }
  return [...groups].map(([threadId, items]) => ({ threadId, articles: items }))
}
