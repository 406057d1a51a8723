// Fetching an article by URL through the safe fetch (public addresses only unless
// FETCH_ALLOW_PRIVATE, a timeout, a size cap, web pages only, few redirects).
// The page is decoded here; its article is extracted in a page worker.
import type { SafeFetch } from '#root/net/safe-fetch.js'
import { looksLikeHtml } from '#root/news/inputs/html.js'
import type { PageInput } from '#root/news/types.js'

export interface FetchLimits {
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 2_000_000, maxRedirects: 5 }

const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain']
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9'
const META_CHARSET = /charset\s*=\s*["']?([\w-]+)/i

/** The charset a page's <meta> declares within its first 2 kB, tag by tag (no regex runs across tags). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1')
  const lower = head.toLowerCase()
  for (let start = lower.indexOf('<meta'); start !== -1; start = lower.indexOf('<meta', start + 5)) {
    const end = lower.indexOf('>', start)
    const charset = META_CHARSET.exec(head.slice(start, end === -1 ? undefined : end))?.[1]
    if (charset)
      return charset
  }
  return undefined
}

function decode(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? declaredCharset(bytes) ?? 'utf-8').decode(bytes)
  }
  catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

export type FetchPage = (url: string) => Promise<PageInput>

/** Fetches pages for the pipeline; failures are SafeFetchErrors. */
export function createPageFetcher(safeFetch: SafeFetch, limits: FetchLimits = DEFAULT_LIMITS): FetchPage {
  return async (url) => {
    const response = await safeFetch(url, { ...limits, accept: PAGE_TYPES, headers: { accept: ACCEPT } })
    const text = decode(response.body, response.charset)
    if (response.mediaType !== 'text/plain' || looksLikeHtml(text))
      return { html: text, url: response.url }
    return { text, url: response.url, sourceName: new URL(response.url).hostname.replace(/^www\./, '') }
  }
}
