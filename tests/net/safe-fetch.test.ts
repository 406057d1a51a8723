import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createI18n } from '#root/bot/i18n.js'
import { forbiddenRange } from '#root/net/address.js'
import { createSafeFetch, type FetchErrorCode, SafeFetchError } from '#root/net/safe-fetch.js'

const HTML = { accept: ['text/html'], timeoutMs: 2000, maxBytes: 100_000, maxRedirects: 3 }

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(SafeFetchError)
  return error as SafeFetchError
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, host, resolve))
  return (server.address() as AddressInfo).port
}

describe('address ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], ['100.64.0.1', 'carrierGradeNat'], ['224.0.0.1', 'multicast'], ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'], ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'linkLocal'], ['fd00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:10.0.0.1', 'private'], ['64:ff9b::7f00:1', 'loopback'],
    ['2002:c0a8:101::1', 'private'], ['::7f00:1', 'unassigned'], ['2001:db8::1', 'reserved'],
  ])('should refuse %s (%s)', (address, range) => {
    expect(forbiddenRange(address)).toBe(range)
  })

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('should allow the public address %s', (address) => {
    expect(forbiddenRange(address)).toBeUndefined()
  })
})

describe('safe fetch', () => {
  let server: Server
  let port: number
  const requests: string[] = []

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      requests.push(req.url ?? '')
      const page = '<p>Hello</p>'.repeat(100)
      switch (req.url) {
        case '/page': return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
        case '/to-loopback': return res.writeHead(302, { location: `http://127.0.0.1:${port}/page` }).end()
        case '/to-localhost': return res.writeHead(307, { location: `http://localhost:${port}/page` }).end()
        case '/to-numeric': return res.writeHead(301, { location: `http://2130706433:${port}/page` }).end()
        case '/to-metadata': return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
        case '/bad-location': return res.writeHead(302, { location: 'http://[::1' }).end()
        case '/to-javascript': return res.writeHead(302, { location: 'javascript:alert(1)' }).end()
        case '/to-credentials': return res.writeHead(302, { location: `http://admin:secret@127.0.0.1:${port}/page` }).end()
        case '/etag': return req.headers['if-none-match'] === '"v1"'
          ? res.writeHead(304, { etag: '"v1"' }).end()
          : res.writeHead(200, { 'content-type': 'application/rss+xml', 'etag': '"v1"' }).end('<rss/>')
        case '/gzip': return res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(page))
        case '/br': return res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(page))
        // 10 MB of zeros in 10 kB: the cap applies to what it unpacks to
        case '/bomb': return res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(10_000_000)))
        default: return res.writeHead(404).end()
      }
    })
    // 127.0.0.2 plays a public host: the policy below lets it through, and only it
    port = await listen(server, '127.0.0.2')
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })

  const strict = createSafeFetch({ allowPrivate: false })
  // the same checks, with 127.0.0.2 standing in for the public internet
  const publicHost = createSafeFetch({ allowPrivate: false, forbidden: address => (address === '127.0.0.2' ? undefined : forbiddenRange(address)) })
  const open = createSafeFetch({ allowPrivate: true })
  const origin = () => `http://127.0.0.2:${port}`

  describe('private addresses, refused by default', () => {
    let local: Server
    let localPort: number
    let localHits = 0

    beforeAll(async () => {
      local = createServer((_, res) => {
        localHits++
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>internal admin page</p>')
      })
      localPort = await listen(local, '::')
    })
    afterAll(async () => {
      local.closeAllConnections()
      await new Promise(resolve => local.close(resolve))
      expect(localHits).toBe(0)
    })

    it.each([
      ['http://127.0.0.1:%PORT%/', '127.0.0.1'],
      ['http://2130706433:%PORT%/', '127.0.0.1'],
      ['http://0x7f.1:%PORT%/', '127.0.0.1'],
      ['http://127.1:%PORT%/', '127.0.0.1'],
      ['http://017700000001:%PORT%/', '127.0.0.1'],
      ['http://0.0.0.0:%PORT%/', '0.0.0.0'],
      ['http://[::1]:%PORT%/', '::1'],
      ['http://[::ffff:127.0.0.1]:%PORT%/', '::ffff:7f00:1'],
      ['http://[::]:%PORT%/', '::'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
      ['http://10.0.0.1/', '10.0.0.1'],
    ])('should refuse %s before connecting', async (url, address) => {
      const error = await failure(strict(url.replace('%PORT%', String(localPort)), HTML))
      expect(error).toMatchObject({ code: 'private-address', args: { kind: 'ip', address } })
      expect(error.message).toBe(`${address} is a local or private address: such links are not fetched`)
    })

    it('should refuse a host name that resolves to a loopback address', async () => {
      const error = await failure(strict(`http://localhost:${localPort}/`, HTML))
      expect(error).toMatchObject({ code: 'private-address', args: { kind: 'name', host: 'localhost' } })
      expect(error.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a local or private address: such links are not fetched$/)
    })

    it('should fetch them when FETCH_ALLOW_PRIVATE is on', async () => {
      const response = await open(`http://localhost:${localPort}/`, HTML)
      expect(Buffer.from(response.body).toString()).toBe('<p>internal admin page</p>')
      localHits--
    })
  })

  describe('redirects', () => {
    it('should fetch a public page', async () => {
      const response = await publicHost(`${origin()}/page`, HTML)
      expect(response).toMatchObject({ status: 200, url: `${origin()}/page`, mediaType: 'text/html', charset: 'utf-8' })
    })

    it.each([
      ['/to-loopback', { kind: 'ip', address: '127.0.0.1' }],
      ['/to-numeric', { kind: 'ip', address: '127.0.0.1' }],
      ['/to-localhost', { kind: 'name', host: 'localhost' }],
      ['/to-metadata', { kind: 'ip', address: '169.254.169.254' }],
    ])('should check every hop again: %s is refused', async (path, args) => {
      requests.length = 0
      expect(await failure(publicHost(`${origin()}${path}`, HTML))).toMatchObject({ code: 'private-address', args })
      // the page behind the redirect was never asked for
      expect(requests).toEqual([path])
    })

    it('should explain a malformed Location header, a script and credentials in a redirect', async () => {
      expect(await failure(open(`${origin()}/bad-location`, HTML))).toMatchObject({
        code: 'bad-redirect', message: 'the server redirected to an invalid address (http://[::1)',
      })
      expect(await failure(open(`${origin()}/to-javascript`, HTML))).toMatchObject({ code: 'not-allowed-scheme', args: { scheme: 'javascript' } })
      expect(await failure(open(`${origin()}/to-credentials`, HTML))).toMatchObject({ code: 'credentials' })
    })
  })

  describe('what a feed poller needs', () => {
    it('should send conditional headers and hand back a 304 with the headers', async () => {
      const feed = { ...HTML, accept: ['application/rss+xml'] }
      const first = await open(`${origin()}/etag`, feed)
      expect(first).toMatchObject({ status: 200, mediaType: 'application/rss+xml' })
      const etag = first.headers.get('etag')!
      const second = await open(`${origin()}/etag`, { ...feed, headers: { 'if-none-match': etag } })
      expect(second).toMatchObject({ status: 304, body: new Uint8Array() })
      expect(second.headers.get('etag')).toBe('"v1"')
    })

    it('should refuse a content type the caller does not take', async () => {
      expect(await failure(open(`${origin()}/etag`, HTML))).toMatchObject({ code: 'content-type', args: { type: 'application/rss+xml' } })
    })

    it('should decode gzip and br, and cap what a compressed body unpacks to', async () => {
      for (const path of ['/gzip', '/br'])
        expect(Buffer.from((await open(`${origin()}${path}`, HTML)).body).toString()).toBe('<p>Hello</p>'.repeat(100))
      expect(await failure(open(`${origin()}/bomb`, { ...HTML, maxBytes: 1_000_000 }))).toMatchObject({ code: 'too-large', message: 'the response is larger than 1 MB' })
    })
  })

  it.each([
    ['file:///etc/passwd', 'not-allowed-scheme'],
    ['gopher://127.0.0.2/', 'not-allowed-scheme'],
    ['http://user:password@example.org/', 'credentials'],
    ['http://exa mple.org/', 'invalid-url'],
    ['http://nonexistent.invalid/', 'unknown-host'],
  ])('should refuse %s (%s)', async (url, code) => {
    expect(await failure(strict(url, HTML))).toMatchObject({ code })
  })

  it('should have a message in English and Russian for every failure', () => {
    const i18n = createI18n()
    const codes: FetchErrorCode[] = ['invalid-url', 'not-allowed-scheme', 'credentials', 'private-address', 'unknown-host', 'unreachable', 'timeout',
      'http-status', 'redirects', 'bad-redirect', 'content-type', 'too-large', 'download']
    const args = { scheme: 'ftp', kind: 'name', host: 'localhost', address: '127.0.0.1', reason: 'ECONNRESET', seconds: 10, status: 404, statusLine: '404 Not Found', max: 5, location: 'http://[::1', type: 'application/pdf', megabytes: 2 }
    for (const code of codes) {
      const en = i18n.t('en', `fetch-error-${code}`, args)
      const ru = i18n.t('ru', `fetch-error-${code}`, args)
      expect(en, code).toBe(new SafeFetchError(code, args).message)
      expect(ru, code).toMatch(/[а-я]/)
    }
  })
})
