// Worker thread entry (see feed-workers.ts): reads fetched feeds and pages.
import { FeedParseError } from '#root/sources/parse.js'
import { type FetchedDocument, type ReadDocument, readDocument } from '#root/sources/read.js'
import { serve } from '#root/workers/serve.js'

/** A parse error crosses threads as data: an Error's class and fields do not survive the copy. */
export type FeedTaskResult = { ok: true, document: ReadDocument } | { ok: false, code: FeedParseError['code'], message: string }

serve<FetchedDocument, undefined, FeedTaskResult>({
  context: () => undefined,
  handle: (task) => {
    try {
      return { ok: true, document: readDocument(task) }
    }
    catch (error) {
      if (error instanceof FeedParseError)
        return { ok: false, code: error.code, message: error.message }
      throw error
    }
  },
})
