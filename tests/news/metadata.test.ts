import { describe, expect, it } from 'vitest'
import { cleanPage } from '#root/news/clean.js'
import { findExplicitDate, findPublicationDate } from '#root/news/dates.js'
import { readLayout } from '#root/news/layout.js'
import { headlineFromLead } from '#root/news/metadata.js'
import { findSource } from '#root/news/source.js'
import type { Language } from '#root/news/types.js'

const NOW = new Date('2026-11-22T12:00:00Z')
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const layoutOf = (lines: string[], language: Language = 'en') => readLayout(lines, cleanPage(lines, language), language, NOW)

const LEAD = 'The ministers of the two countries met in the capital on Monday and agreed to open a new border crossing for trucks by the end of the year.'
const SECOND = 'They also discussed the schedule of the joint commission, which will meet again in the spring to review how the agreements are carried out.'
const THIRD = 'Officials said that the crossing would cut the waiting time for freight at the border from two days to a few hours, and that more were planned.'
const BODY = [LEAD, SECOND, THIRD]

describe('publication dates', () => {
  it.each([
    ['September 7, 2024', 'en', '2024-09-07'],
    ['Sep 7, 2024', 'en', '2024-09-07'],
    ['Saturday, 7 September 2024, 10:30 GMT', 'en', '2024-09-07'],
    ['Published: 12 March 2025', 'en', '2025-03-12'],
    ['07.09.2024', 'en', '2024-09-07'],
    ['2024-09-07T10:00:00+05:00', 'en', '2024-09-07'],
    ['7 сентября 2024 года', 'ru', '2024-09-07'],
    ['12 марта 2025, 14:30', 'ru', '2025-03-12'],
    ['Опубликовано 07.09.2024, 10:15', 'ru', '2024-09-07'],
    // a Russian month on an English page (24.kg's bylines), an English one on a Russian page
    ['13:52, 22 февраля 2022, Bishkek - 24.kg news agency', 'en', '2022-02-22'],
    ['22 November 2024', 'ru', '2024-11-22'],
  ] as const)('should read "%s" (%s) as %s', (text, language, iso) => {
    expect(findExplicitDate(text, language, NOW)).toEqual(day(iso))
  })

  it.each([
    ['3 hours ago', 'en'], ['On Friday (September 6)', 'en'], ['в воскресенье', 'ru'], ['12 марта', 'ru'], ['December 1, 2031', 'en'],
  ] as const)('should not take "%s" for a publication date', (text, language) => {
    expect(findExplicitDate(text, language, NOW)).toBeUndefined()
  })

  it('should take the date line under the headline, not the masthead\'s today above it', () => {
    const page = layoutOf(['Outlet', 'Wednesday, 2 December 2026', 'Ministers agree to open a new border crossing', '16 February 2026', ...BODY])
    expect(findPublicationDate(page, 'en', NOW)).toEqual(day('2026-02-16'))
  })

  it('should take a date line just above the headline unless it is the masthead\'s weekday date', () => {
    expect(findPublicationDate(layoutOf(['Outlet', '30 September 2011, 13:01', 'Ministers agree to open a new border crossing', ...BODY]), 'en', NOW)).toEqual(day('2011-09-30'))
    expect(findPublicationDate(layoutOf(['Outlet', 'Monday, 1 December 2025', 'Ministers agree to open a new border crossing', ...BODY]), 'en', NOW)).toBeUndefined()
  })

  it('should take a date printed only at the foot after a cue, never one of a comment or a sidebar', () => {
    const foot = layoutOf(['Ministers agree to open a new border crossing', ...BODY, 'Comments (1)', 'Aibek · 28 December 2024', 'Good news.', 'Most read', 'Another headline', '12/01/2025', 'Published: 05.02.2025 16:49'])
    expect(findPublicationDate(foot, 'en', NOW)).toEqual(day('2025-02-05'))
    const ru = ['Министры договорились открыть новый пункт пропуска', 'Министры двух стран встретились в столице в понедельник и договорились открыть новый пункт пропуска для грузовиков до конца года.', 'Опубликовано 13 марта 2025 в 11:35']
    expect(findPublicationDate(layoutOf(ru, 'ru'), 'ru', NOW)).toEqual(day('2025-03-13'))
    const comments = layoutOf(['Ministers agree to open a new border crossing', ...BODY, 'Comments', 'Posted by Aibek on 28 December 2024', 'Good news.'])
    expect(findPublicationDate(comments, 'en', NOW)).toBeUndefined()
  })

  it('should never take a date from a caption or from the text', () => {
    const page = layoutOf(['Ministers agree to open a new border crossing', 'FILE - In this photo taken on Sept. 29, 2020, trucks wait at the border crossing near the city.', LEAD, `${SECOND} The last such meeting was held on 5 May 2023.`, THIRD])
    expect(findPublicationDate(page, 'en', NOW)).toBeUndefined()
  })

  it('should take a dateline opening one of the first two paragraphs, but not a date the sentence goes on from', () => {
    expect(findPublicationDate(layoutOf([`Prague, 29 December 2005 (RFE/RL) -- ${LEAD}`, SECOND, THIRD]), 'en', NOW)).toEqual(day('2005-12-29'))
    expect(findPublicationDate(layoutOf([`On 5 March 2024, ${LEAD.toLowerCase()}`, SECOND, THIRD]), 'en', NOW)).toBeUndefined()
  })
})

describe('headlines', () => {
  it('should pick the headline over a tagline, a caption and a menu, and keep the line under it as a standfirst', () => {
    const lines = [
      'Outlet', 'Citizen media stories from around the world', 'Home | World | Region',
      'Ministers agree to open a new border crossing for trucks',
      'The crossing is to open by the end of the year, officials said',
      'Trucks at the border near the city. Photo: Reuters',
      ...BODY,
    ]
    const page = layoutOf(lines)
    expect(lines[page.titleIndex]).toBe('Ministers agree to open a new border crossing for trucks')
    expect(page.paragraphs[0]).toBe('The crossing is to open by the end of the year, officials said')
    expect(page.paragraphs).not.toContain('Trucks at the border near the city. Photo: Reuters')
  })

  it('should keep the headline when a byline stands between it and the standfirst', () => {
    const lines = ['Ministers agree to open a new border crossing for trucks', 'By Staff Reporter', 'The crossing is to open by the end of the year, officials said', ...BODY]
    const page = layoutOf(lines)
    expect(page.titleIndex).toBe(0)
    expect(page.paragraphs[0]).toBe(lines[2])
  })

  it('should find no headline on a page that prints none', () => {
    expect(layoutOf(['Accessibility links', 'Skip to main content', 'Outlet', 'Blogs', 'November 23, 2021', ...BODY]).titleIndex).toBe(-1)
  })

  it('should make a headline from the lead: the sentence when short, else cut at a clause break or a word boundary', () => {
    expect(headlineFromLead('Short lead sentence. And more.')).toBe('Short lead sentence')
    const clause = 'Власти Таджикистана и Узбекистана открыли в Худжанде центр для трудовых мигрантов, в котором жители обеих стран смогут получить консультации.'
    expect(headlineFromLead(clause)).toBe('Власти Таджикистана и Узбекистана открыли в Худжанде центр для трудовых мигрантов')
    const title = headlineFromLead('Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле с исполняющим обязанности главы афганского МИДа.')
    expect(title).toBe('Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…')
    expect(headlineFromLead('Uzbekistan and Kazakhstan signed an agreement on Tuesday to build a new railway line that will connect the two capitals.'))
      .toBe('Uzbekistan and Kazakhstan signed an agreement on Tuesday to build a new railway line…')
  })

  it('should leave the dateline out of a headline made from the lead', () => {
    expect(headlineFromLead('DUSHANBE, Tajikistan, February 14. The President of Tajikistan met the head of the bank.')).toBe('The President of Tajikistan met the head of the bank')
  })
})

describe('publishers', () => {
  const source = (lines: string[], language: Language = 'en', url?: string) => findSource(layoutOf(lines, language), language, { url, isTopicName: name => /^(?:afghanistan|economy)$/iu.test(name) }, NOW)

  it('should read the copyright line, naming the outlet rather than the company that owns it', () => {
    expect(source(['Ministers agree to open a new border crossing', ...BODY, '© 2025 The Astana Times. All rights reserved.'])).toBe('The Astana Times')
    expect(source(['Министры договорились открыть новый пункт пропуска', 'Министры двух стран встретились в столице в понедельник и договорились открыть новый пункт пропуска для грузовиков до конца года.', '© ИД «Вечерний Бишкек». Все права защищены.'], 'ru')).toBe('Вечерний Бишкек')
    expect(source(['Министры договорились открыть новый пункт пропуска', 'Министры двух стран встретились в столице в понедельник и договорились открыть новый пункт пропуска для грузовиков до конца года.', '© АО «Бизнес Ньюс Медиа», 1999–2024. Ведомости'], 'ru')).toBe('Ведомости')
    expect(source(['Ministers agree to open a new border crossing', ...BODY, 'Copyright (c) 2021. RFE/RL, Inc. Used with the permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave NW, Washington DC 20036.'])).toBe('RFE/RL')
  })

  it('should read the masthead, a byline "By X | Outlet", a "Source:" line and a follow call, in readable case', () => {
    expect(source(['Accessibility links', 'VOA', 'Voice of America', 'Ministers agree to open a new border crossing', ...BODY])).toBe('VOA')
    expect(source(['INTERFAX.RU', 'В мире', 'Министры договорились открыть новый пункт пропуска', 'Москва. 16 февраля. INTERFAX.RU - Министры двух стран встретились в столице и договорились открыть новый пункт пропуска.', '© 1991–2026 Interfax. Все права защищены.'], 'ru')).toBe('Interfax')
    expect(source(['Ministers agree to open a new border crossing', 'By Dilnoza Karimova | Caspian Business Wire', ...BODY])).toBe('Caspian Business Wire')
    expect(source(['Ministers agree to open a new border crossing', ...BODY, 'Source: Kabar'])).toBe('Kabar')
    expect(source(['Ministers agree to open a new border crossing', ...BODY, 'Follow 24.kg on Telegram'])).toBe('24.kg')
  })

  it('should read a masthead written with a switch after it, but never a rate or a weather line', () => {
    expect(source(['NEWS.ru · мобильная версия', 'Министры договорились открыть новый пункт пропуска', 'Министры двух стран встретились в столице в понедельник и договорились открыть новый пункт пропуска для грузовиков до конца года.'], 'ru')).toBe('NEWS.ru')
    expect(source(['USD 87.45', 'EUR 90.12', 'Ministers agree to open a new border crossing', ...BODY])).toBeUndefined()
    expect(source(['Astana+26+28℃', 'Ministers agree to open a new border crossing', ...BODY])).toBeUndefined()
  })

  it('should take the site of the URL when the page names none', () => {
    expect(source(['Ministers agree to open a new border crossing', ...BODY], 'en', 'https://www.example.kz/news/1')).toBe('example.kz')
  })

  it('should never take a caption, a rubric, a byline, a topic word, a date or an outlet the text cites', () => {
    expect(source(['Photo: AFJC', 'Ministers agree to open a new border crossing', 'Фото Синьхуа', ...BODY])).toBeUndefined()
    expect(source(['Afghanistan', 'Economy', 'Ministers agree to open a new border crossing', 'By Saida Kalkulova', 'Published', ...BODY])).toBeUndefined()
    expect(source(['Ministers agree to open a new border crossing', `${LEAD} The news was first reported by Khaama Press.`, SECOND, THIRD, 'Follow us on Telegram'])).toBeUndefined()
  })

  it('should take a short line under the headline only when the page repeats the name ("Zan News" and "Zan News: ...")', () => {
    expect(source(['Ministers agree to open a new border crossing', 'September 7, 2024', 'Zan News', `Zan News: ${LEAD}`, SECOND, THIRD])).toBe('Zan News')
    expect(source(['Ministers agree to open a new border crossing', 'September 7, 2024', 'Green Economy Materials', ...BODY])).toBeUndefined()
  })
})
