// The one way the product fetches a URL it was given (admin links, npm run
// ingest, feeds): GET over http(s) with a time limit for the whole exchange, a
// cap on the decoded body, content types the caller accepts and redirects
// followed by hand, each hop checked again. Unless private addresses are
// allowed, a host must resolve to public addresses only, and the check is made
// on the address actually connected to (the socket's DNS lookup), so a host
// cannot answer public to a first lookup and private to the connection.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { isIP } from 'node:net'
import { MIMEType } from 'node:util'
import { Agent, fetch, type Headers, type Response } from 'undici'
import { forbiddenRange } from '#root/net/address.js'

type Args = Record<string, string | number>

const MESSAGES = {
  'invalid-url': () => 'not a valid URL',
  'not-allowed-scheme': (a: Args) => `only http and https links can be fetched, not ${a.scheme}`,
  'credentials': () => 'links with a user name or password are not fetched',
  'private-address': (a: Args) => `${a.kind === 'name' ? `${a.host} resolves to ${a.address}, ` : `${a.address} is `}a local or private address: such links are not fetched`,
  'unknown-host': (a: Args) => `the host ${a.host} was not found`,
  'unreachable': (a: Args) => `could not connect (${a.reason})`,
  'timeout': (a: Args) => `no answer within ${a.seconds} s`,
  'http-status': (a: Args) => `the server answered HTTP ${a.statusLine}`,
  'redirects': (a: Args) => `more than ${a.max} redirects`,
  'bad-redirect': (a: Args) => `the server redirected to an invalid address (${a.location})`,
  'content-type': (a: Args) => `unsupported content type (${a.type})`,
  'too-large': (a: Args) => `the response is larger than ${a.megabytes} MB`,
  'download': (a: Args) => `the download failed (${a.reason})`,
} satisfies Record<string, (args: Args) => string>

export type FetchErrorCode = keyof typeof MESSAGES

/** A refused or failed fetch. `code` and `args` are for localised messages (fetch-error-<code>); `message` is English. */
export class SafeFetchError extends Error {
  override name = 'SafeFetchError'
  constructor(readonly code: FetchErrorCode, readonly args: Args = {}) {
    super(MESSAGES[code](args))
  }
}

export interface SafeFetchOptions {
  /** request headers, e.g. accept, if-none-match, if-modified-since */
  headers?: Record<string, string>
  /** media types (essence, e.g. text/html) a 2xx answer may have */
  accept: readonly string[]
  /** for the whole exchange: connections, redirects and the body */
  timeoutMs: number
  /** the decoded body (after gzip, deflate or br) */
  maxBytes: number
  maxRedirects: number
}

export interface SafeResponse {
  /** 2xx, or 304 to a conditional request (with an empty body) */
  status: number
  /** the URL after redirects */
  url: string
  headers: Headers
  /** the content type's essence ('' for a 304) and its charset parameter */
  mediaType: string
  charset: string | undefined
  body: Uint8Array
}

export type SafeFetch = (url: string, options: SafeFetchOptions) => Promise<SafeResponse>

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const USER_AGENT = 'news-digest-bot/0.1'

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

type AddressPolicy = (address: string) => string | undefined

/** dns.lookup for sockets that refuses a host with any forbidden address. */
function lookupRefusing(forbidden: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error)
        return callback(error, [])
      const refused = addresses.find(a => forbidden(a.address))
      if (refused)
        return callback(new SafeFetchError('private-address', { kind: 'name', host: hostname, address: refused.address }), [])
      const first = addresses[0]
      if (options.all)
        return callback(null, addresses)
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), [])
      callback(null, first.address, first.family)
    })
  }
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

/** What is wrong with fetching `url` before any connection, if anything. */
function checkTarget(url: URL, forbidden: AddressPolicy | undefined): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SafeFetchError('not-allowed-scheme', { scheme: url.protocol.replace(/:$/, '') })
  if (url.username || url.password)
    throw new SafeFetchError('credentials')
  const host = bareHost(url)
  // an IP address in the URL (in any notation WHATWG parsing normalises) is never looked up
  if (forbidden && isIP(host) && forbidden(host))
    throw new SafeFetchError('private-address', { kind: 'ip', host, address: host })
}

function redirectTarget(location: string, base: URL): URL {
  try {
    return new URL(location, base)
  }
  catch {
    throw new SafeFetchError('bad-redirect', { location: location.length > 100 ? `${location.slice(0, 100)}…` : location })
  }
}

function connectionError(error: unknown, url: URL, signal: AbortSignal, timeoutMs: number): SafeFetchError {
  if (signal.aborted)
    return new SafeFetchError('timeout', { seconds: timeoutMs / 1000 })
  const cause = (error as { cause?: unknown }).cause
  if (cause instanceof SafeFetchError)
    return cause
  const code = (cause as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new SafeFetchError('unknown-host', { host: bareHost(url) })
  return new SafeFetchError('unreachable', { reason: code ?? (cause as Error | undefined)?.message ?? (error as Error).message })
}

function mediaTypeOf(header: string | null): { essence: string, charset: string | undefined } {
  try {
    const type = new MIMEType(header ?? '')
    return { essence: type.essence, charset: type.params.get('charset') ?? undefined }
  }
  catch {
    return { essence: '', charset: undefined }
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const megabytes = Math.round(maxBytes / 100_000) / 10
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel()
    throw new SafeFetchError('too-large', { megabytes })
  }
  const chunks: Uint8Array[] = []
  let size = 0
  // leaving the loop early (the throw) cancels the download
  for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > maxBytes)
      throw new SafeFetchError('too-large', { megabytes })
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export interface SafeFetchSettings {
  /** FETCH_ALLOW_PRIVATE: loopback and private addresses may be fetched (intranet sources, tests) */
  allowPrivate: boolean
  /** the range name of an address that must not be fetched; tests stand a loopback address in for a public one */
  forbidden?: AddressPolicy
}

/** A fetch for URLs from outside. */
export function createSafeFetch({ allowPrivate, forbidden = forbiddenRange }: SafeFetchSettings): SafeFetch {
  const policy = allowPrivate ? undefined : forbidden
  const lookup = policy && lookupRefusing(policy)
  return async function safeFetch(url, options) {
    let current: URL
    try {
      current = new URL(url)
    }
    catch {
      throw new SafeFetchError('invalid-url')
    }
    const signal = AbortSignal.timeout(options.timeoutMs)
    const headers = { 'user-agent': USER_AGENT, ...options.headers }
    // one agent per fetch: its sockets go with it, nothing is left open between fetches
    const agent = new Agent(lookup ? { connect: { lookup } } : {})
    try {
      for (let redirects = 0; ; redirects++) {
        checkTarget(current, policy)
        let response: Response
        try {
          response = await fetch(current, { redirect: 'manual', signal, headers, dispatcher: agent })
        }
        catch (error) {
          throw connectionError(error, current, signal, options.timeoutMs)
        }
        const location = response.headers.get('location')
        if (REDIRECTS.has(response.status) && location !== null) {
          await response.body?.cancel()
          if (redirects >= options.maxRedirects)
            throw new SafeFetchError('redirects', { max: options.maxRedirects })
          current = redirectTarget(location, current)
          continue
        }
        if (response.status === 304) {
          await response.body?.cancel()
          return { status: 304, url: current.href, headers: response.headers, mediaType: '', charset: undefined, body: new Uint8Array() }
        }
        if (!response.ok) {
          await response.body?.cancel()
          throw new SafeFetchError('http-status', { status: response.status, statusLine: `${response.status} ${response.statusText}`.trim() })
        }
        const { essence, charset } = mediaTypeOf(response.headers.get('content-type'))
        if (!options.accept.includes(essence)) {
          await response.body?.cancel()
          throw new SafeFetchError('content-type', { type: essence || 'none' })
        }
        let body: Uint8Array
        try {
          body = await readCapped(response, options.maxBytes)
        }
        catch (error) {
          if (error instanceof SafeFetchError)
            throw error
          if (signal.aborted)
            throw new SafeFetchError('timeout', { seconds: options.timeoutMs / 1000 })
          throw new SafeFetchError('download', { reason: (error as Error).message })
        }
        return { status: response.status, url: current.href, headers: response.headers, mediaType: essence, charset, body }
      }
    }
    finally {
      await agent.destroy()
    }
  }
}
