import { describe, expect, it } from 'vitest'
import type { RenderableArticle } from '#root/digest/render.js'
import { renderStory } from '#root/digest/story-item.js'
import { createTopicDirectory } from '#root/news/topic-directory.js'

const topics = createTopicDirectory([])
const t = (key: string, args?: Record<string, string | number>) => key === 'story-also' ? `<i>also:</i> ${String(args?.outlets)}` : `${key}${args?.language ? `(${String(args.language)})` : ''}`

function report(language: 'en' | 'ru', source: string | null, summaries: Partial<Record<'en' | 'ru', string>>, url: string | null = null): RenderableArticle {
  return {
    title: `${source ?? 'untitled'} ${language} title`,
    language,
    sourceName: source,
    url,
    publishedAt: new Date('2025-03-12T00:00:00Z'),
    summaries: Object.entries(summaries).map(([l, text]) => ({ language: l as 'en' | 'ru', title: null, text })),
    topics: [],
  }
}

const en = report('en', 'Steppe Wire', { en: 'English own summary.', ru: 'Переведённое резюме.' }, 'https://steppe.example/a')
const en2 = report('en', 'Kabul Ledger', { en: 'Second English summary.' }, 'https://ledger.example/b?x=1&y=<2>')
const ru = report('ru', 'Вести Долины', { ru: 'Собственное резюме.' }, 'https://vesti.example/c')
const story = { reports: [en, en2, ru] }
const render = (digestLanguage: 'en' | 'ru' | 'both', s = story) => renderStory(s, { digestLanguage, locale: 'en', topics, t })

describe('one item per story', () => {
  it('should lead with the first report for English, naming the other outlets linked to their reports', () => {
    const html = render('en')
    expect(html).toMatch(/^<b>Steppe Wire en title<\/b>\nEnglish own summary\./)
    expect(html).not.toContain('Собственное')
    expect(html.split('\n').at(-1)).toBe('<i>also:</i> <a href="https://ledger.example/b?x=1&amp;y=&lt;2&gt;">Kabul Ledger</a>, <a href="https://vesti.example/c">Вести Долины</a>')
  })

  it('should lead with the Russian report for Russian, with its own summary rather than the translation', () => {
    const html = render('ru')
    expect(html).toMatch(/^<b>Вести Долины ru title<\/b>\nСобственное резюме\./)
    expect(html).not.toContain('Переведённое')
    expect(html).toContain('<a href="https://steppe.example/a">Steppe Wire</a>')
  })

  it('should give each language its own report\'s summary for both languages', () => {
    const html = render('both')
    expect(html).toContain('item-mark(language-en)</i> English own summary.')
    expect(html).toContain('item-mark(language-ru)</i> Собственное резюме.')
    expect(html).not.toContain('Переведённое')
  })

  it('should use the translated summary only where the story has no report in that language', () => {
    const html = render('both', { reports: [en, en2] })
    expect(html).toContain('item-mark(language-ru)</i> Переведённое резюме.')
  })

  it('should name an outlet once, and leave out the lead\'s own outlet and reports without a name or link', () => {
    const again = report('en', 'steppe wire', { en: 'Same outlet again.' }, 'https://steppe.example/z')
    const anonymous = report('en', null, { en: 'Nobody.' })
    const byHost = report('en', null, { en: 'Host.' }, 'https://www.asia-plus.example/news/1')
    const html = render('en', { reports: [en, again, anonymous, byHost] })
    expect(html.split('\n').at(-1)).toBe('<i>also:</i> <a href="https://www.asia-plus.example/news/1">asia-plus.example</a>')
    expect(render('en', { reports: [en] })).not.toContain('also:')
  })
})
