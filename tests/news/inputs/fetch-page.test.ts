import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSafeFetch, SafeFetchError } from '#root/net/safe-fetch.js'
import { createPageFetcher } from '#root/news/inputs/fetch-page.js'
import { fromHtml, MAX_DEPTH } from '#root/news/inputs/html.js'
import { processArticle } from '#root/news/process.js'
import { DEEP_ARTICLE, hostilePages } from '../../helpers/hostile-pages.js'

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

  it('should read an article buried in 2,000 nested divs, paragraph by paragraph', () => {
    const deep = hostilePages()['article in 2,000 nested divs']!
    expect('html' in deep && fromHtml(deep.html).text.split('\n')).toEqual(DEEP_ARTICLE)
  })

  it('should keep the structure of a page nested just within the limit', () => {
    const html = `<html><body>${'<div>'.repeat(MAX_DEPTH - 1)}${DEEP_ARTICLE.map(p => `<p>${p}</p>`).join('')}${'</div>'.repeat(MAX_DEPTH - 1)}</body></html>`
    expect(fromHtml(html).text.split('\n')).toEqual(DEEP_ARTICLE)
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
        case '/meta-cp1251': return res.writeHead(200, { 'content-type': 'text/html' })
          .end(Buffer.concat([Buffer.from('<html><head><meta name="x" content="y"><meta charset="windows-1251"></head><body><p>'), Buffer.from([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]), Buffer.from('</p></body></html>')]))
        case '/plain': return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Just text.')
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

  const fetchPage = createPageFetcher(createSafeFetch({ allowPrivate: true }), { timeoutMs: 1000, maxBytes: 1_000_000, maxRedirects: 3 })

  it('should fetch an HTML page, following a redirect, and keep the final URL', async () => {
    const page = await fetchPage(`${base}/moved`)
    expect(page).toMatchObject({ url: `${base}/article` })
    expect('html' in page && fromHtml(page.html, page.url).title).toBe('Kyrgyzstan opens new border crossing with China')
  })

  it('should decode the charset declared in the header or in a <meta> tag', async () => {
    expect(await fetchPage(`${base}/cp1251`)).toMatchObject({ html: 'Привет' })
    expect(await fetchPage(`${base}/meta-cp1251`)).toMatchObject({ html: expect.stringContaining('<p>Привет</p>') })
  })

  it('should take plain text as text, with the host as its source', async () => {
    expect(await fetchPage(`${base}/plain`)).toEqual({ text: 'Just text.', url: `${base}/plain`, sourceName: '127.0.0.1' })
  })

  it.each([
    ['/missing', 'http-status', 'the server answered HTTP 404 Not Found'],
    ['/pdf', 'content-type', 'unsupported content type (application/pdf)'],
    ['/loop', 'redirects', 'more than 3 redirects'],
    ['/huge', 'too-large', 'the response is larger than 1 MB'],
    ['/slow', 'timeout', 'no answer within 1 s'],
  ])('should fail %s with a clear message', async (path, code, message) => {
    const error = await fetchPage(`${base}${path}`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SafeFetchError)
    expect(error).toMatchObject({ code, message })
  })

  it('should refuse invalid URLs, other schemes and closed ports', async () => {
    await expect(fetchPage('not a url')).rejects.toThrow('not a valid URL')
    await expect(fetchPage('ftp://127.0.0.1/file')).rejects.toThrow('only http and https links can be fetched, not ftp')
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    await expect(fetchPage(`http://127.0.0.1:${port}/`)).rejects.toThrow(/could not connect \(ECONNREFUSED\)/)
  })
})
