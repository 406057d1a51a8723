// A local HTTP server that behaves like news sites and their feeds: ETag and
// Last-Modified with 304s, gzip, charsets, redirects, errors, Retry-After, slow
// drips and huge answers. Each path is a route the test sets and may change;
// every request is recorded.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

export interface Route {
  status?: number
  body?: string | Buffer
  contentType?: string
  headers?: Record<string, string>
  /** answers 304 to If-None-Match with this tag */
  etag?: string
  /** answers 304 to If-Modified-Since at or after this date */
  lastModified?: Date
  /** compresses the body when the request accepts gzip */
  gzip?: boolean
  /** waits this long before answering */
  delayMs?: number
  /** sends the headers, then one byte of the body every `drip` ms, never finishing */
  drip?: number
}

export interface RecordedRequest {
  path: string
  headers: IncomingHttpHeaders
  /** what was answered */
  status: number
}

export class FeedServer {
  private server: Server | undefined
  private readonly routes = new Map<string, Route | ((request: RecordedRequest) => Route)>()
  readonly requests: RecordedRequest[] = []
  base = ''

  async start(host = '127.0.0.1'): Promise<this> {
    const server = createServer((req, res) => {
      const path = req.url ?? '/'
      const found = this.routes.get(path)
      const record: RecordedRequest = { path, headers: req.headers, status: 404 }
      this.requests.push(record)
      const route: Route = typeof found === 'function' ? found(record) : found ?? { status: 404, body: 'Not Found', contentType: 'text/plain' }
      const answer = () => {
        const headers: Record<string, string> = { ...route.headers }
        if (route.contentType)
          headers['content-type'] = route.contentType
        if (route.etag)
          headers.etag = route.etag
        if (route.lastModified)
          headers['last-modified'] = route.lastModified.toUTCString()
        const notModified = (route.etag !== undefined && req.headers['if-none-match'] === route.etag)
          || (route.lastModified !== undefined && req.headers['if-modified-since'] !== undefined
            && new Date(req.headers['if-modified-since']).getTime() >= Math.floor(route.lastModified.getTime() / 1000) * 1000)
        if (notModified && (route.status ?? 200) === 200) {
          record.status = 304
          res.writeHead(304, headers).end()
          return
        }
        record.status = route.status ?? 200
        if (route.drip) {
          res.writeHead(record.status, headers)
          const timer = setInterval(() => res.write('<'), route.drip)
          res.on('close', () => clearInterval(timer))
          return
        }
        let body = typeof route.body === 'string' ? Buffer.from(route.body) : route.body ?? Buffer.alloc(0)
        if (route.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
          body = gzipSync(body)
          headers['content-encoding'] = 'gzip'
        }
        headers['content-length'] = String(body.length)
        res.writeHead(record.status, headers).end(body)
      }
      if (route.delayMs)
        setTimeout(answer, route.delayMs)
      else
        answer()
    })
    await new Promise<void>(resolve => server.listen(0, host, resolve))
    this.server = server
    this.base = `http://${host}:${(server.address() as AddressInfo).port}`
    return this
  }

  set(path: string, route: Route | ((request: RecordedRequest) => Route)): string {
    this.routes.set(path, route)
    return this.url(path)
  }

  url(path: string): string {
    return `${this.base}${path}`
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter(r => r.path === path)
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise(resolve => this.server?.close(resolve))
  }
}
