// One news item as Telegram HTML: bold title, summary in the chat's digest
// language (both: English then Russian, each marked), source and date (for an
// undated article, the day it was added, marked as such), its strongest topics
// as hashtags, and a link. Every article string is escaped.
import { tz } from '@date-fns/tz'
// subpath imports: the barrels load every function and locale (~60 MB under tsx)
import { format } from 'date-fns/format'
import { enGB } from 'date-fns/locale/en-GB'
import { ru } from 'date-fns/locale/ru'
import type { DigestLanguage } from '#root/generated/prisma/enums.js'
import { escapeHtml } from '#root/digest/html.js'
import { shareUrl } from '#root/digest/share.js'
import type { TopicDirectory } from '#root/news/topic-directory.js'
import type { Language } from '#root/news/types.js'

/** What an item needs of an article (a stored one, or a draft in the /post preview). */
export interface RenderableArticle {
  /** a stored article's id (a draft has none): its share link needs it */
  id?: number
  title: string
  language: Language
  sourceName: string | null
  url: string | null
  publishedAt: Date | null
  /** when the article was stored: shown, marked, when the page states no date (a draft has none yet) */
  ingestedAt?: Date
  summaries: Array<{ language: Language, title: string | null, text: string }>
  /** with their scores, the strongest are shown */
  topics: Array<{ topicId: number, score?: number }>
}

export type Translate = (key: string, args?: Record<string, string | number>) => string

export interface RenderOptions {
  digestLanguage: DigestLanguage
  /** the reader's interface language: dates and labels */
  locale: Language
  topics: TopicDirectory
  t: Translate
  /** the bot's username: each stored item gets a share link (a deep link to it) */
  shareVia?: string
}

const DATE_LOCALES = { en: enGB, ru }
const UTC = tz('UTC')
/** more tags than this read as noise under a short item */
export const MAX_HASHTAGS = 3

/** A calendar date in the reader's language ("7 September 2024", "7 сентября 2024"). */
export function formatDate(date: Date, locale: Language): string {
  return format(date, 'd MMMM yyyy', { locale: DATE_LOCALES[locale], in: UTC })
}

/** A day in the reader's language, short ("6 Dec", "6 дек."). */
export function formatDay(date: Date, locale: Language): string {
  return format(date, 'd MMM', { locale: DATE_LOCALES[locale], in: UTC })
}

export function hashtag(slug: string): string {
  return `#${slug.replace(/-/g, '_')}`
}

export function renderItem(article: RenderableArticle, options: RenderOptions): string {
  const { digestLanguage, locale, topics, t } = options
  const summaries = new Map(article.summaries.map(s => [s.language, s]))
  const wanted: Language[] = digestLanguage === 'both' ? ['en', 'ru'] : [digestLanguage]
  const available = wanted.filter(language => summaries.has(language))
  const shown: Language[] = available.length > 0 ? available : [article.language]

  const single = digestLanguage !== 'both' ? summaries.get(digestLanguage) : undefined
  const title = single?.title ?? article.title
  const lines = [`<b>${escapeHtml(title)}</b>`]
  for (const language of shown) {
    const summary = summaries.get(language)
    if (!summary)
      continue
    const mark = digestLanguage === 'both' || available.length === 0 ? `<i>${t(available.length === 0 ? 'item-only-in' : 'item-mark', { language: t(`language-${language}`) })}</i> ` : ''
    lines.push(`${mark}${escapeHtml(summary.text)}`)
  }
  const date = article.publishedAt
    ? formatDate(article.publishedAt, locale)
    : article.ingestedAt ? t('item-added', { date: formatDay(article.ingestedAt, locale) }) : undefined
  const facts = [article.sourceName, date].filter(Boolean)
  if (facts.length > 0)
    lines.push(`<i>${facts.map(part => escapeHtml(String(part))).join(' · ')}</i>`)
  const strongest = [...article.topics].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, MAX_HASHTAGS)
  const tags = strongest.flatMap(link => topics.byId(link.topicId) ?? []).map(topic => hashtag(topic.slug))
  if (tags.length > 0)
    lines.push(tags.join(' '))
  const links = article.url ? [`<a href="${escapeHtml(article.url)}">${escapeHtml(t('item-read-more'))}</a>`] : []
  if (options.shareVia && article.id !== undefined)
    links.push(`<a href="${escapeHtml(shareUrl(options.shareVia, article.id, title))}">${escapeHtml(t('item-share'))}</a>`)
  if (links.length > 0)
    lines.push(links.join(' · '))
  return lines.join('\n')
}
