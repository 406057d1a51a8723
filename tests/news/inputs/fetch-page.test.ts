import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchArticle, FetchPageError } from '#root/news/inputs/fetch-page.js'
import { fromHtml } from '#root/news/inputs/html.js'
import { processArticle } from '#root/news/process.js'

const ARTICLE_HTML = readFileSync('tests/fixtures/pages/article.html', 'utf8')

describe('HTML pages', () => {
  it('should take the main content, the declared title, date and site name', () => {
    const input = fromHtml(ARTICLE_HTML, 'https://steppe.example/news/1')
    expect(input).toMatchObject({
      title: 'Kyrgyzstan opens new border crossing with China',
      sourceName: 'Steppe Times',
      publishedAt: new Date('2025-04-02T00:00:00Z'),
      url: 'https://steppe.example/news/1',
    })
    const result = processArticle(input)
    expect(result.ok).toBe(true)
    if (!result.ok)
      return
    expect(result.article.body.split('\n\n')).toHaveLength(4)
    for (const junk of ['Trucks wait at the border', 'Most read', 'Tajikistan raises', 'All rights reserved', 'Follow us', 'Home'])
      expect(result.article.body).not.toContain(junk)
  })

  it('should fall back to the host name when the page names no site', () => {
    expect(fromHtml('<html><body><p>Text</p></body></html>', 'https://www.example.kz/a').sourceName).toBe('example.kz')
  })
})

describe('fetching a URL', () => {
  let server: Server
  let base: string

  beforeAll(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case '/article': return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_HTML)
        case '/cp1251': return res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' })
          .end(Buffer.from([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2])) // "Привет"
        case '/moved': return res.writeHead(301, { location: '/article' }).end()
        case '/loop': return res.writeHead(302, { location: '/loop' }).end()
        case '/missing': return res.writeHead(404, 'Not Found').end('no')
        case '/pdf': return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4')
        case '/huge': {
          res.writeHead(200, { 'content-type': 'text/html' })
          const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`
          let sent = 0
          const write = () => {
            while (sent < 40 && res.write(chunk)) sent++
            if (sent < 40)
              res.once('drain', write)
            else res.end()
          }
          return write()
        }
        case '/slow': return setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>late</p>'), 3000)
        default: return res.writeHead(500).end()
      }
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })

  const limits = { timeoutMs: 1000, maxBytes: 1_000_000, maxRedirects: 3 }

  it('should fetch an HTML page, following a redirect, and keep the final URL', async () => {
    const input = await fetchArticle(`${base}/moved`, limits)
    expect(input.url).toBe(`${base}/article`)
    expect(input.title).toBe('Kyrgyzstan opens new border crossing with China')
  })

  it('should decode the declared charset', async () => {
    expect((await fetchArticle(`${base}/cp1251`, limits)).text).toContain('Привет')
  })

  it.each([
    ['/missing', 'the server answered HTTP 404 Not Found'],
    ['/pdf', 'not a web page (application/pdf)'],
    ['/loop', 'more than 3 redirects'],
    ['/huge', 'the page is larger than 1 MB'],
    ['/slow', 'no answer within 1 s'],
  ])('should fail %s with a clear message', async (path, message) => {
    await expect(fetchArticle(`${base}${path}`, limits)).rejects.toThrow(new FetchPageError(message))
  })

  it('should refuse invalid URLs, other schemes and closed ports', async () => {
    await expect(fetchArticle('not a url', limits)).rejects.toThrow('not a valid URL')
    await expect(fetchArticle('ftp://127.0.0.1/file', limits)).rejects.toThrow('only http and https links can be fetched, not ftp')
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    await expect(fetchArticle(`http://127.0.0.1:${port}/`, limits)).rejects.toThrow(/could not connect \(ECONNREFUSED\)/)
  })
})
