// One item per story: the lead report (in the chat's language when the story
// has one), its title and summary; with digest language "both", or a language
// the lead lacks, each language's summary is that language's own report's
// (a translated summary only where the story has no report in it); then
// "also:" with the other outlets, linked to their reports.
import type { DigestLanguage } from '#root/generated/prisma/enums.js'
import { escapeHtml } from '#root/digest/html.js'
import { type RenderableArticle, type RenderOptions, renderItem } from '#root/digest/render.js'
import { LANGUAGES } from '#root/news/types.js'

export interface RenderableStory {
  /** live reports, the story's first report first */
  reports: RenderableArticle[]
}

/** The report an item leads with. */
export function leadReport(story: RenderableStory, digestLanguage: DigestLanguage): RenderableArticle {
  const first = story.reports[0]!
  return digestLanguage === 'both' ? first : story.reports.find(r => r.language === digestLanguage) ?? first
}

/** The lead, with each language's summary taken from the story's own report in that language where there is one. */
export function withOwnSummaries(story: RenderableStory, lead: RenderableArticle): RenderableArticle {
  const summaries = LANGUAGES.flatMap((language) => {
    const own = story.reports.find(r => r.language === language)?.summaries.find(s => s.language === language)
    const chosen = lead.language === language ? lead.summaries.find(s => s.language === language) : own ?? lead.summaries.find(s => s.language === language)
    return chosen ? [chosen] : []
  })
  return { ...lead, summaries }
}

function outletOf(report: RenderableArticle): string | undefined {
  if (report.sourceName)
    return report.sourceName
  try {
    return report.url ? new URL(report.url).hostname.replace(/^www\./u, '') : undefined
  }
  catch {
    return undefined
  }
}

/** The other outlets of a story, once each, linked to their first report. */
export function otherOutlets(story: RenderableStory, lead: RenderableArticle): Array<{ name: string, url: string | null }> {
  const seen = new Set([outletOf(lead)?.toLowerCase()])
  const others: Array<{ name: string, url: string | null }> = []
  for (const report of story.reports) {
    const name = outletOf(report)
    if (report === lead || !name || seen.has(name.toLowerCase()))
      continue
    seen.add(name.toLowerCase())
    others.push({ name, url: report.url })
  }
  return others
}

export function renderStory(story: RenderableStory, options: RenderOptions): string {
  const lead = leadReport(story, options.digestLanguage)
  const item = renderItem(withOwnSummaries(story, lead), options)
  const others = otherOutlets(story, lead)
  if (others.length === 0)
    return item
  const links = others.map(o => o.url ? `<a href="${escapeHtml(o.url)}">${escapeHtml(o.name)}</a>` : escapeHtml(o.name)).join(', ')
  return `${item}\n${options.t('story-also', { outlets: links })}`
}
