import { describe, expect, it } from 'vitest'
import { htmlToPlain } from '#root/digest/html.js'
import { formatDate, type RenderableArticle, renderItem } from '#root/digest/render.js'
import { MESSAGE_LIMIT, packMessages, visibleLength } from '#root/digest/split.js'
import { createTopicDirectory } from '#root/news/topic-directory.js'
import { parseTelegramHtml } from '../helpers/telegram-html.js'

const topics = createTopicDirectory([
  { id: 1, slug: 'kazakhstan', nameEn: 'Kazakhstan', nameRu: 'Казахстан', aliasesEn: [], aliasesRu: [], keywordsEn: [], keywordsRu: [] },
  { id: 2, slug: 'central-asia', nameEn: 'Central Asia', nameRu: 'Центральная Азия', aliasesEn: [], aliasesRu: [], keywordsEn: [], keywordsRu: [] },
  ...['afghanistan', 'taliban', 'diplomacy', 'security'].map((slug, i) => ({ id: 3 + i, slug, nameEn: slug, nameRu: slug, aliasesEn: [], aliasesRu: [], keywordsEn: [], keywordsRu: [] })),
])
const LABELS: Record<string, string> = { 'item-mark': '{language}:', 'item-only-in': 'Only in {language}:', 'item-added': 'added {date}', 'item-read-more': 'Read', 'language-en': 'English', 'language-ru': 'Russian' }
const t = (key: string, args: Record<string, string | number> = {}) => (LABELS[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(args[name]))

const article: RenderableArticle = {
  title: 'Talks in <Astana> & "beyond"',
  language: 'en',
  sourceName: 'Zan & Co',
  url: 'https://example.org/?a=1&b=2',
  publishedAt: new Date('2024-09-07T00:00:00Z'),
  summaries: [
    { language: 'en', title: 'Talks in <Astana> & "beyond"', text: 'English <summary> & text.' },
    { language: 'ru', title: 'Переговоры в Астане', text: 'Русское резюме.' },
  ],
  topics: [{ topicId: 1 }, { topicId: 2 }],
}

describe('renderItem', () => {
  it('should show the chosen language only, with escaped text, source, date, hashtags and link', () => {
    const html = renderItem(article, { digestLanguage: 'en', locale: 'en', topics, t })
    expect(parseTelegramHtml(html).ok).toBe(true)
    expect(htmlToPlain(html)).toBe('Talks in <Astana> & "beyond"\nEnglish <summary> & text.\nZan & Co · 7 September 2024\n#kazakhstan #central_asia\nRead')
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=2">Read</a>')
  })

  it('should show both languages marked, English first, and the translated title for a Russian digest', () => {
    expect(htmlToPlain(renderItem(article, { digestLanguage: 'both', locale: 'en', topics, t }))).toContain('English: English <summary> & text.\nRussian: Русское резюме.')
    const russian = htmlToPlain(renderItem(article, { digestLanguage: 'ru', locale: 'ru', topics, t }))
    expect(russian).toMatch(/^Переговоры в Астане\nРусское резюме\.\nZan & Co · 7 сентября 2024/)
  })

  it('should mark an item lacking the wanted language, and show an undated article\'s day of adding, marked', () => {
    const english = { ...article, publishedAt: null, ingestedAt: new Date('2026-12-06T15:00:00Z'), summaries: [article.summaries[0]!] }
    expect(htmlToPlain(renderItem(english, { digestLanguage: 'ru', locale: 'ru', topics, t }))).toContain('Only in English: English <summary>')
    expect(htmlToPlain(renderItem(english, { digestLanguage: 'ru', locale: 'ru', topics, t }))).toContain('Zan & Co · added 6 дек.')
    expect(htmlToPlain(renderItem(english, { digestLanguage: 'en', locale: 'en', topics, t }))).toContain('Zan & Co · added 6 Dec')
    // a draft not stored yet has no day of adding: no date at all rather than "unknown"
    expect(htmlToPlain(renderItem({ ...english, ingestedAt: undefined }, { digestLanguage: 'en', locale: 'en', topics, t }))).toMatch(/\nZan & Co\n/)
  })

  it('should show at most three hashtags, the article\'s strongest topics', () => {
    const tagged = { ...article, topics: [1, 2, 3, 4, 5, 6].map(topicId => ({ topicId, score: topicId === 2 ? 0.5 : topicId })) }
    expect(htmlToPlain(renderItem(tagged, { digestLanguage: 'en', locale: 'en', topics, t }))).toContain('\n#security #diplomacy #taliban\n')
  })

  it('should add a share link to a stored item: Telegram\'s share dialog with the item\'s deep link and its title', () => {
    const html = renderItem({ ...article, id: 42 }, { digestLanguage: 'ru', locale: 'ru', topics, t: (key, args) => (key === 'item-share' ? 'Share & send' : t(key, args)), shareVia: 'news_bot' })
    expect(parseTelegramHtml(html).ok).toBe(true)
    const [, href] = /<a href="([^"]+)">Share &amp; send<\/a>$/.exec(html) ?? []
    const url = new URL(href!.replace(/&amp;/g, '&'))
    expect(url.origin + url.pathname).toBe('https://t.me/share/url')
    expect(url.searchParams.get('url')).toBe('https://t.me/news_bot?start=item-42')
    expect(url.searchParams.get('text')).toBe('Переговоры в Астане')
    expect(htmlToPlain(html)).toMatch(/\nRead · Share & send$/)
    // a draft (no id) and console mode (no username) get none
    expect(renderItem(article, { digestLanguage: 'en', locale: 'en', topics, t, shareVia: 'news_bot' })).not.toContain('t.me')
    expect(renderItem({ ...article, id: 42 }, { digestLanguage: 'en', locale: 'en', topics, t })).not.toContain('t.me')
  })

  it('should format dates in the reader\'s language without shifting the calendar day', () => {
    expect(formatDate(new Date('2024-11-24T00:00:00Z'), 'ru')).toBe('24 ноября 2024')
    expect(formatDate(new Date('2024-11-24T00:00:00Z'), 'en')).toBe('24 November 2024')
  })
})

describe('packMessages', () => {
  it('should break only between parts and keep every message within the limit', () => {
    const parts = Array.from({ length: 30 }, (_, i) => `<b>Item ${i}</b>\n${'x'.repeat(400)} &amp; more`)
    const messages = packMessages(parts)
    expect(messages.length).toBeGreaterThan(1)
    for (const message of messages) {
      expect(visibleLength(message)).toBeLessThanOrEqual(MESSAGE_LIMIT)
      expect(message.startsWith('<b>Item ')).toBe(true)
    }
    expect(messages.join('\n\n')).toBe(parts.join('\n\n'))
  })

  it('should count what Telegram counts: text without tags, entities as one character', () => {
    expect(visibleLength('<b>a</b> &amp; <a href="https://x.org">link</a>')).toBe('a & link'.length)
  })
})
