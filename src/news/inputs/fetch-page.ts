// Fetching an article by URL, with the limits a bot that fetches links for
// strangers needs: a timeout, a size cap, a content-type check and few redirects.
import type { ArticleInput } from '#root/news/types.js'
import { fromHtml, looksLikeHtml } from '#root/news/inputs/html.js'

export interface FetchLimits {
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 2_000_000, maxRedirects: 5 }

export class FetchPageError extends Error {
  override name = 'FetchPageError'
}

const ACCEPTED = /^(?:text\/html|application\/xhtml\+xml|text\/plain)\b/i

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes)
    throw new FetchPageError(`the page is larger than ${Math.round(maxBytes / 1_000_000)} MB`)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body?.getReader()
  if (!reader)
    return new Uint8Array()
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new FetchPageError(`the page is larger than ${Math.round(maxBytes / 1_000_000)} MB`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

function decode(bytes: Uint8Array, contentType: string): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1')
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8'
  try {
    return new TextDecoder(charset).decode(bytes)
  }
  catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** Fetches `url` and turns it into pipeline input; every failure is a FetchPageError with a readable message. */
export async function fetchArticle(url: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<ArticleInput> {
  let current: URL
  try {
    current = new URL(url)
  }
  catch {
    throw new FetchPageError('not a valid URL')
  }
  const signal = AbortSignal.timeout(limits.timeoutMs)
  for (let redirects = 0; ; redirects++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      throw new FetchPageError(`only http and https links can be fetched, not ${current.protocol.replace(':', '')}`)
    let response: Response
    try {
      response = await fetch(current, { redirect: 'manual', signal, headers: { 'accept': 'text/html,application/xhtml+xml,text/plain;q=0.9', 'user-agent': 'news-digest-bot/0.1' } })
    }
    catch (error) {
      if (signal.aborted)
        throw new FetchPageError(`no answer within ${limits.timeoutMs / 1000} s`)
      const cause = (error as Error & { cause?: { code?: string, message?: string } }).cause
      throw new FetchPageError(`could not connect (${cause?.code ?? cause?.message ?? (error as Error).message})`)
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel()
      if (redirects >= limits.maxRedirects)
        throw new FetchPageError(`more than ${limits.maxRedirects} redirects`)
      current = new URL(response.headers.get('location')!, current)
      continue
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new FetchPageError(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`)
    }
    const contentType = response.headers.get('content-type') ?? ''
    if (!ACCEPTED.test(contentType)) {
      await response.body?.cancel()
      throw new FetchPageError(`not a web page (${contentType.split(';')[0] || 'no content type'})`)
    }
    let text: string
    try {
      text = decode(await readCapped(response, limits.maxBytes), contentType)
    }
    catch (error) {
      if (error instanceof FetchPageError)
        throw error
      throw new FetchPageError(signal.aborted ? `no answer within ${limits.timeoutMs / 1000} s` : `the download failed (${(error as Error).message})`)
    }
    const finalUrl = current.href
    return /html/i.test(contentType) || looksLikeHtml(text) ? fromHtml(text, finalUrl) : { text, url: finalUrl, sourceName: current.hostname.replace(/^www\./, '') }
  }
}
