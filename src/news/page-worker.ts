// Worker thread entry (see page-workers.ts): processes pages against the topic list.
import { processPage } from '#root/news/process-page.js'
import type { ProcessResult } from '#root/news/process.js'
import { createTopicMatcher, type TopicMatcher, type TopicTerms } from '#root/news/topics.js'
import type { PageInput } from '#root/news/types.js'
import { serve } from '#root/workers/serve.js'

export interface PageTask {
  page: PageInput
  now: Date
}

// Warm up before taking pages (the first pages run several times slower while
// the code is compiled and the language models load): the time budget is for the page.
const WARM_UP = [
  'The government approved a new programme on Friday to modernise the railway network over the next five years, officials said.',
  'Правительство в пятницу одобрило новую программу модернизации железных дорог на ближайшие пять лет, сообщили чиновники.',
]
for (const text of WARM_UP) {
  processPage({ text })
  processPage({ html: `<html><head><title>Railways</title></head><body><article><p>${text}</p></article></body></html>` })
}

serve<PageTask, TopicMatcher, ProcessResult>({
  context: topics => createTopicMatcher(topics as TopicTerms[]),
  handle: ({ page, now }, topics) => processPage(page, { topics, now }),
})
