// INTERIM, until the shared safe fetch of issue 9 (src/net/safe-fetch.ts) is on
// main: the same interface (createSafeFetch, SafeFetch, SafeFetchError codes), so
// that swapping it in changes imports only. GET with a time limit for the whole
// exchange, a cap on the decoded body, accepted content types, redirects followed
// by hand with each hop checked, private addresses refused unless allowed.
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { MIMEType } from 'node:util'

type Args = Record<string, string | number>

const MESSAGES = {
  'invalid-url': () => 'not a valid URL',
  'not-allowed-scheme': (a: Args) => `only http and https links can be fetched, not ${a.scheme}`,
  'credentials': () => 'links with a user name or password are not fetched',
  'private-address': (a: Args) => `${a.host} is a local or private address: such links are not fetched`,
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

export class SafeFetchError extends Error {
  override name = 'SafeFetchError'
  /** http-status: the Retry-After header, when the server sent one */
  retryAfter?: string
  constructor(readonly code: FetchErrorCode, readonly args: Args = {}) {
    super(MESSAGES[code](args))
  }
}

export interface SafeFetchOptions {
  headers?: Record<string, string>
  accept: readonly string[]
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

export interface SafeResponse {
  status: number
  url: string
  headers: Headers
  mediaType: string
  charset: string | undefined
  body: Uint8Array
}

export type SafeFetch = (url: string, options: SafeFetchOptions) => Promise<SafeResponse>

const REDIRECTS = new Set([301, 302, 303, 307, 308])

const FORBIDDEN = new BlockList()
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 3]] as const)
  FORBIDDEN.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [['::', 127], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96]] as const)
  FORBIDDEN.addSubnet(network, prefix, 'ipv6')

async function checkHost(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SafeFetchError('not-allowed-scheme', { scheme: url.protocol.replace(/:$/, '') })
  if (url.username || url.password)
    throw new SafeFetchError('credentials')
  if (allowPrivate)
    return
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  let addresses: Array<{ address: string, family: number }>
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true })
  }
  catch {
    throw new SafeFetchError('unknown-host', { host })
  }
  if (addresses.some(a => FORBIDDEN.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4')))
    throw new SafeFetchError('private-address', { host })
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const megabytes = Math.round(maxBytes / 100_000) / 10
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel()
    throw new SafeFetchError('too-large', { megabytes })
  }
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
      throw new SafeFetchError('too-large', { megabytes })
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
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

export function createSafeFetch({ allowPrivate }: { allowPrivate: boolean }): SafeFetch {
  return async (url, options) => {
    let current: URL
    try {
      current = new URL(url)
    }
    catch {
      throw new SafeFetchError('invalid-url')
    }
    const signal = AbortSignal.timeout(options.timeoutMs)
    const timeout = () => new SafeFetchError('timeout', { seconds: options.timeoutMs / 1000 })
    for (let redirects = 0; ; redirects++) {
      await checkHost(current, allowPrivate)
      let response: Response
      try {
        response = await fetch(current, { redirect: 'manual', signal, headers: { 'user-agent': 'news-digest-bot/0.1', ...options.headers } })
      }
      catch (error) {
        if (signal.aborted)
          throw timeout()
        const cause = (error as { cause?: NodeJS.ErrnoException }).cause
        throw new SafeFetchError('unreachable', { reason: cause?.code ?? cause?.message ?? (error as Error).message })
      }
      const location = response.headers.get('location')
      if (REDIRECTS.has(response.status) && location !== null) {
        await response.body?.cancel()
        if (redirects >= options.maxRedirects)
          throw new SafeFetchError('redirects', { max: options.maxRedirects })
        try {
          current = new URL(location, current)
        }
        catch {
          throw new SafeFetchError('bad-redirect', { location: location.slice(0, 100) })
        }
        continue
      }
      if (response.status === 304) {
        await response.body?.cancel()
        return { status: 304, url: current.href, headers: response.headers, mediaType: '', charset: undefined, body: new Uint8Array() }
      }
      if (!response.ok) {
        await response.body?.cancel()
        const error = new SafeFetchError('http-status', { status: response.status, statusLine: `${response.status} ${response.statusText}`.trim() })
        error.retryAfter = response.headers.get('retry-after') ?? undefined
        throw error
      }
      const { essence, charset } = mediaTypeOf(response.headers.get('content-type'))
      if (!options.accept.includes(essence)) {
        await response.body?.cancel()
        throw new SafeFetchError('content-type', { type: essence || 'none' })
      }
      try {
        return { status: response.status, url: current.href, headers: response.headers, mediaType: essence, charset, body: await readCapped(response, options.maxBytes) }
      }
      catch (error) {
        if (error instanceof SafeFetchError)
          throw error
        if (signal.aborted)
          throw timeout()
        throw new SafeFetchError('download', { reason: (error as Error).message })
      }
    }
  }
}
