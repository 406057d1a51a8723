// Feed documents as outlets publish them (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed),
// written out by hand so that each quirk is the one under test: CDATA, escaped
// HTML, entities, relative links, xml:base, xhtml content.
import { readFileSync } from 'node:fs'

export interface FixtureArticle { title: string, paragraphs: string[] }

const ARTICLES = JSON.parse(readFileSync('tests/fixtures/feeds/articles.json', 'utf8')) as { en: FixtureArticle[], ru: FixtureArticle[] }

/** Our own news texts (tests/fixtures/feeds/articles.json): 7 English, 5 Russian. */
export function article(language: 'en' | 'ru', index: number): FixtureArticle {
  const found = ARTICLES[language][index]
  if (!found)
    throw new Error(`No ${language} fixture article ${index}`)
  return found
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The article as a page's HTML body. */
export function articleHtml(a: FixtureArticle): string {
  return a.paragraphs.map(p => `<p>${escapeXml(p)}</p>`).join('\n')
}

export interface TestItem {
  title: string
  /** absolute or relative to the feed */
  link: string
  guid?: string
  date?: Date
  /** the full text as HTML (content:encoded, Atom content, content_html) */
  html?: string
  /** a teaser (description, summary) */
  description?: string
}

export function itemOf(a: FixtureArticle, link: string, date: Date, extra: Partial<TestItem> = {}): TestItem {
  return { title: a.title, link, date, html: articleHtml(a), description: a.paragraphs[0], ...extra }
}

export function rss2(channel: { title: string, link: string, encoding?: string }, items: TestItem[]): string {
  return `<?xml version="1.0" encoding="${channel.encoding ?? 'UTF-8'}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeXml(channel.title)}</title>
<link>${escapeXml(channel.link)}</link>
<description>News</description>
${items.map(i => `<item>
  <title>${escapeXml(i.title)}</title>
  <link>${escapeXml(i.link)}</link>
  ${i.guid ? `<guid isPermaLink="false">${escapeXml(i.guid)}</guid>` : ''}
  ${i.date ? `<pubDate>${i.date.toUTCString()}</pubDate>` : ''}
  ${i.description ? `<description>${escapeXml(`<p>${escapeXml(i.description)}</p>`)}</description>` : ''}
  ${i.html ? `<content:encoded><![CDATA[${i.html}]]></content:encoded>` : ''}
</item>`).join('\n')}
</channel>
</rss>`
}

export function rdf(channel: { title: string, link: string }, items: TestItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${escapeXml(channel.link)}">
  <title>${escapeXml(channel.title)}</title>
  <link>${escapeXml(channel.link)}</link>
  <description>News</description>
  <items><rdf:Seq>${items.map(i => `<rdf:li rdf:resource="${escapeXml(i.link)}"/>`).join('')}</rdf:Seq></items>
</channel>
${items.map(i => `<item rdf:about="${escapeXml(i.guid ?? i.link)}">
  <title>${escapeXml(i.title)}</title>
  <link>${escapeXml(i.link)}</link>
  ${i.date ? `<dc:date>${i.date.toISOString()}</dc:date>` : ''}
  ${i.description ? `<description>${escapeXml(i.description)}</description>` : ''}
  ${i.html ? `<content:encoded>${escapeXml(i.html)}</content:encoded>` : ''}
</item>`).join('\n')}
</rdf:RDF>`
}

/** Atom with `contentType` content: html (escaped), xhtml (inline markup) or text. */
export function atom(feed: { title: string, link: string, base?: string, titleType?: 'text' | 'html' }, items: TestItem[], contentType: 'html' | 'xhtml' | 'text' = 'html'): string {
  const content = (i: TestItem) => {
    if (!i.html)
      return ''
    if (contentType === 'xhtml')
      return `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${i.html}</div></content>`
    if (contentType === 'text')
      return `<content type="text">${escapeXml(i.html.replace(/<\/p>\s*<p>/g, '\n\n').replace(/<[^>]+>/g, ''))}</content>`
    return `<content type="html">${escapeXml(i.html)}</content>`
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${feed.base ? ` xml:base="${escapeXml(feed.base)}"` : ''}>
<title type="${feed.titleType ?? 'text'}">${escapeXml(feed.title)}</title>
<link rel="alternate" href="${escapeXml(feed.link)}"/>
<id>urn:test:${escapeXml(feed.title)}</id>
<updated>${new Date().toISOString()}</updated>
${items.map(i => `<entry>
  <title type="text">${escapeXml(i.title)}</title>
  <id>${escapeXml(i.guid ?? i.link)}</id>
  <link rel="alternate" type="text/html" href="${escapeXml(i.link)}"/>
  ${i.date ? `<published>${i.date.toISOString()}</published><updated>${i.date.toISOString()}</updated>` : ''}
  ${i.description ? `<summary type="text">${escapeXml(i.description)}</summary>` : ''}
  ${content(i)}
</entry>`).join('\n')}
</feed>`
}

export function jsonFeed(feed: { title: string, link: string }, items: TestItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.link,
    items: items.map(i => ({
      id: i.guid ?? i.link,
      url: i.link,
      title: i.title,
      ...(i.html ? { content_html: i.html } : {}),
      ...(i.description ? { summary: i.description } : {}),
      ...(i.date ? { date_published: i.date.toISOString() } : {}),
    })),
  })
}

/** A page whose head advertises `feeds`. */
export function pageAdvertising(title: string, feeds: Array<{ href: string, type: string, title?: string }>): string {
  return `<!doctype html><html><head><title>${escapeXml(title)}</title><meta property="og:site_name" content="${escapeXml(title)}">
${feeds.map(f => `<link rel="alternate" type="${f.type}" href="${escapeXml(f.href)}"${f.title ? ` title="${escapeXml(f.title)}"` : ''}>`).join('\n')}
</head><body><h1>${escapeXml(title)}</h1><p>Welcome.</p></body></html>`
}

/** A whole article page, as the link of a teaser item leads to. */
export function articlePage(a: FixtureArticle, site: string): string {
  return `<!doctype html><html><head><title>${escapeXml(a.title)} | ${escapeXml(site)}</title>
<meta property="og:title" content="${escapeXml(a.title)}"><meta property="og:site_name" content="${escapeXml(site)}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${escapeXml(a.title)}</h1>${articleHtml(a)}</article>
<aside><h2>Most read</h2><ul><li>Something else entirely</li></ul></aside><footer>All rights reserved</footer></body></html>`
}

/** `hours` before now. */
export function hoursAgo(hours: number, now = new Date()): Date {
  return new Date(now.getTime() - hours * 3_600_000)
}

/**
 * The `n`th of thousands of distinct texts in `language`: three paragraphs of
 * different fixture articles (any two share at most two of three paragraphs,
 * too little to be near duplicates).
 */
export function synthetic(language: 'en' | 'ru', n: number): FixtureArticle {
  const paragraphs = ARTICLES[language].flatMap(a => a.paragraphs)
  let index = 0
  for (let a = 0; a < paragraphs.length; a++) {
    for (let b = a + 1; b < paragraphs.length; b++) {
      for (let c = b + 1; c < paragraphs.length; c++) {
        if (index++ === n)
          return { title: `${language === 'en' ? 'Report' : 'Сообщение'} ${n}: ${paragraphs[a]!.split(' ').slice(0, 6).join(' ')}`, paragraphs: [paragraphs[a]!, paragraphs[b]!, paragraphs[c]!] }
      }
    }
  }
  throw new Error(`Only ${index} synthetic texts`)
}
