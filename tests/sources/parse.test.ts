import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeFeed } from '#root/sources/decode.js'
import { discoverFeeds } from '#root/sources/discover.js'
import { normaliseLink } from '#root/sources/links.js'
import { FeedParseError, parseFeedDocument } from '#root/sources/parse.js'
import { article, articleHtml, atom, itemOf, jsonFeed, rdf, rss2 } from '../helpers/feeds.js'

const FEED = 'https://outlet.example/news/feed.xml'
const DATE = new Date('2026-12-01T08:30:00Z')
const en = article('en', 0)
const ru = article('ru', 0)

function parseError(text: string): FeedParseError {
  try {
    parseFeedDocument(text, FEED)
  }
  catch (error) {
    if (error instanceof FeedParseError)
      return error
    throw error
  }
  throw new Error('parsed')
}

describe('feed formats', () => {
  it('should read RSS 2.0: content:encoded over the description, HTML as text, relative links resolved, guid and date', () => {
    const feed = parseFeedDocument(rss2({ title: 'Steppe &amp; Sons', link: '/' }, [
      itemOf(en, '/news/grain?utm_source=rss&utm_medium=feed', DATE, { guid: 'steppe-1' }),
    ]), FEED)
    expect(feed).toMatchObject({ kind: 'rss', title: 'Steppe & Sons', siteUrl: 'https://outlet.example/' })
    expect(feed.items).toEqual([{
      guid: 'steppe-1',
      link: 'https://outlet.example/news/grain',
      title: en.title,
      text: en.paragraphs.join('\n'),
      publishedAt: DATE,
    }])
  })

  it('should fall back to the description, decode entities and CDATA, and use the link when there is no guid', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://outlet.example/</link>
      <item><title><![CDATA[Prices &amp; wages <b>rise</b>]]></title><link>https://outlet.example/a#comments</link>
      <description>&lt;p&gt;First &amp;laquo;paragraph&amp;raquo;&amp;nbsp;here.&lt;/p&gt;&lt;p&gt;Second one.&lt;/p&gt;</description></item></channel></rss>`
    const [item] = parseFeedDocument(xml, FEED).items
    expect(item).toEqual({ guid: 'https://outlet.example/a', link: 'https://outlet.example/a', title: 'Prices & wages rise', text: 'First «paragraph» here.\nSecond one.', publishedAt: undefined })
  })

  it('should read RSS 1.0 (RDF) with dc:date', () => {
    const feed = parseFeedDocument(rdf({ title: 'RDF News', link: 'https://rdf.example/' }, [itemOf(en, 'https://rdf.example/1', DATE)]), FEED)
    expect(feed.kind).toBe('rdf')
    expect(feed.items[0]).toMatchObject({ guid: 'https://rdf.example/1', title: en.title, text: en.paragraphs.join('\n'), publishedAt: DATE })
  })

  it.each(['html', 'xhtml', 'text'] as const)('should read Atom with %s content, links against xml:base', (type) => {
    const feed = parseFeedDocument(atom({ title: 'Atom News', link: 'https://atom.example/', base: 'https://atom.example/blog/' }, [
      itemOf(en, 'posts/1', DATE, { guid: 'tag:atom.example,2026:1' }),
    ], type), FEED)
    expect(feed).toMatchObject({ kind: 'atom', title: 'Atom News', siteUrl: 'https://atom.example/' })
    expect(feed.items[0]).toMatchObject({ guid: 'tag:atom.example,2026:1', link: 'https://atom.example/blog/posts/1', title: en.title, publishedAt: DATE })
    expect(feed.items[0]!.text.replace(/\s+/g, ' ')).toBe(en.paragraphs.join(' '))
  })

  it('should keep a literal "<" in an Atom text construct and strip tags from an html one', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &lt;i&gt;feed&lt;/i&gt;</title><id>x</id><updated>2026-01-01T00:00:00Z</updated>
      <entry><title type="text">Inflation &lt; 5% for the first time</title><id>e1</id><updated>2026-01-01T00:00:00Z</updated><summary type="text">Rates &lt;b&gt; fell</summary></entry></feed>`
    const feed = parseFeedDocument(xml, FEED)
    expect(feed.title).toBe('A feed')
    expect(feed.items[0]).toMatchObject({ title: 'Inflation < 5% for the first time', text: 'Rates <b> fell', publishedAt: new Date('2026-01-01T00:00:00Z') })
  })

  it('should read JSON Feed 1.1', () => {
    const feed = parseFeedDocument(jsonFeed({ title: 'JSON News', link: 'https://json.example/' }, [itemOf(ru, 'https://json.example/1', DATE, { guid: 'j1' })]), FEED)
    expect(feed).toMatchObject({ kind: 'json', title: 'JSON News', siteUrl: 'https://json.example/' })
    expect(feed.items[0]).toEqual({ guid: 'j1', link: 'https://json.example/1', title: ru.title, text: ru.paragraphs.join('\n'), publishedAt: DATE })
  })

  it('should refuse malformed XML and what is not a feed, saying which', () => {
    expect(parseError('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>').code).toBe('malformed')
    expect(parseError('<html><body>Hello</body></html>').code).toBe('not-a-feed')
    expect(parseError('{"hello": "world"}').code).toBe('not-a-feed')
    expect(parseError('').code).toBe('not-a-feed')
  })

  it('should hash a guid too long to be a key, and give items without guid or link one from their text', () => {
    const long = `https://outlet.example/${'a'.repeat(600)}`
    const xml = `<rss version="2.0"><channel><title>T</title><item><guid>${long}</guid><title>One</title></item><item><title>Two</title><description>Text</description></item></channel></rss>`
    const [first, second] = parseFeedDocument(xml, FEED).items
    expect(first!.guid).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(second!.guid).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(first!.guid).not.toBe(second!.guid)
  })
})

describe('hostile feeds', () => {
  it('should drop control characters (NUL above all) from guids, titles and text', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Evil\u0000 \u001B[31mFeed', items: [{ id: 'a\u0000b', title: 'Bad\u0000title\u0007', content_text: 'Line\u0000one.\nLine two.' }] })
    const feed = parseFeedDocument(json, FEED)
    expect(feed.title).toBe('Evil [31mFeed')
    expect(feed.items[0]).toMatchObject({ guid: 'a b', title: 'Bad title', text: 'Line one.\nLine two.' })
  })

  it('should read at most 200,000 characters of an item\'s markup', () => {
    const html = `<p>${'word '.repeat(100_000)}</p><p>never read</p>`
    const [item] = parseFeedDocument(rss2({ title: 'T', link: 'https://outlet.example/' }, [{ title: 'Huge', link: '/h', html }]), FEED).items
    expect(item!.text.length).toBeLessThanOrEqual(200_000)
    expect(item!.text).not.toContain('never read')
  })
})

describe('charsets', () => {
  const xml = (encoding: string) => rss2({ title: 'Новости Степи', link: 'https://ru.example/', encoding }, [itemOf(ru, 'https://ru.example/1', DATE)])

  it.each(['windows-1251', 'koi8-r'])('should decode %s declared in the XML prolog', (encoding) => {
    const bytes = iconv.encode(xml(encoding), encoding)
    const feed = parseFeedDocument(decodeFeed(bytes), FEED)
    expect(feed.title).toBe('Новости Степи')
    expect(feed.items[0]).toMatchObject({ title: ru.title, text: ru.paragraphs.join('\n') })
  })

  it('should prefer the charset of the HTTP header, and read UTF-8 with a byte-order mark', () => {
    const bytes = iconv.encode(xml('utf-8'), 'windows-1251')
    expect(parseFeedDocument(decodeFeed(bytes, 'windows-1251'), FEED).title).toBe('Новости Степи')
    const bom = Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(xml('utf-8'))])
    expect(parseFeedDocument(decodeFeed(bom), FEED).title).toBe('Новости Степи')
  })

  it('should read an unknown charset name as UTF-8', () => {
    expect(decodeFeed(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a>Ok</a>'))).toContain('Ok')
  })
})

describe('feed discovery', () => {
  it('should find the advertised feeds, absolute, in the page\'s order, each once', () => {
    const html = `<html><head><base href="https://site.example/ru/">
      <link rel="stylesheet" href="/style.css" type="text/css">
      <link rel="alternate" type="application/atom+xml" title="Atom" href="atom.xml">
      <link rel="Alternate  home" type="application/rss+xml; charset=utf-8" href="https://site.example/rss">
      <link rel="alternate" type="application/feed+json" href="/feed.json">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
      <link rel="alternate" type="application/rss+xml" href="https://site.example/rss">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      </head><body></body></html>`
    expect(discoverFeeds(html, 'https://site.example/ru/index.html')).toEqual([
      { url: 'https://site.example/ru/atom.xml', type: 'application/atom+xml', title: 'Atom' },
      { url: 'https://site.example/rss', type: 'application/rss+xml', title: undefined },
      { url: 'https://site.example/feed.json', type: 'application/feed+json', title: undefined },
    ])
  })

  it('should find nothing on a page without feed links', () => {
    expect(discoverFeeds(`<html><body>${articleHtml(en)}</body></html>`, 'https://site.example/')).toEqual([])
  })
})

describe('links', () => {
  it('should drop tracking parameters and fragments, sort the query, resolve relative links and refuse other schemes', () => {
    expect(normaliseLink('https://Outlet.Example:443/a/b?utm_source=x&id=2&fbclid=abc&b=1#top')).toBe('https://outlet.example/a/b?b=1&id=2')
    expect(normaliseLink('../c?yclid=1', 'https://outlet.example/a/b/')).toBe('https://outlet.example/a/c')
    expect(normaliseLink('http://www.outlet.example/news/')).toBe('http://www.outlet.example/news/')
    expect(normaliseLink('mailto:someone@outlet.example')).toBeUndefined()
    expect(normaliseLink('   ')).toBeUndefined()
  })
})
