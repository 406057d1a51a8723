// A compact list: bold title, teaser, source and date. The full item renderer
// comes with the digest; this keeps /latest useful until then.
import { escapeHtml } from '#root/bot/helpers/html.js'
import type { ArticleWithSummaries } from '#root/db/repositories/article-repository.js'

type Translate = (key: string) => string

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function renderLatest(articles: ArticleWithSummaries[], t: Translate): string {
  const items = articles.map((article) => {
    const summary = article.summaries.find(s => s.language === article.language)
    const meta = [article.sourceName, article.publishedAt ? isoDate(article.publishedAt) : t('latest-date-unknown'), t(`latest-language-${article.language}`)]
      .filter(Boolean).map(part => escapeHtml(String(part))).join(' · ')
    return [`<b>${escapeHtml(article.title)}</b>`, summary ? escapeHtml(summary.teaser) : undefined, `<i>${meta}</i>`]
      .filter(Boolean).join('\n')
  })
  return [t('latest-title'), ...items].join('\n\n')
}
