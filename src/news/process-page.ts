// A page as it arrives (text, or HTML to extract the article from) -> processed
// article. Pure and CPU-bound: page workers run it off the event loop.
import { fromHtml } from '#root/news/inputs/html.js'
import { processArticle, type ProcessOptions, type ProcessResult } from '#root/news/process.js'
import type { PageInput } from '#root/news/types.js'

export function processPage(page: PageInput, options: ProcessOptions = {}): ProcessResult {
  return processArticle('html' in page ? fromHtml(page.html, page.url) : page, options)
}
