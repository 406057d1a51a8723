// A page as it arrives (text, or HTML to extract the article from) -> processed
// article. Pure and CPU-bound: page workers run it off the event loop.
import { fromHtml } from '#root/news/inputs/html.js'
import { processArticle, type ProcessOptions, type ProcessResult } from '#root/news/process.js'
import type { PageInput } from '#root/news/types.js'

export function processPage(page: PageInput, options: ProcessOptions = {}): ProcessResult {
  if (!('html' in page))
    return processArticle(page, options)
  const { html, ...stated } = page
  const declared = Object.fromEntries(Object.entries(stated).filter(([, value]) => value !== undefined))
  return processArticle({ ...fromHtml(html, page.url), ...declared }, options)
}
