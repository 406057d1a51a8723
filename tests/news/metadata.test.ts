import { describe, expect, it } from 'vitest'
import { findExplicitDate, findPublicationDate } from '#root/news/dates.js'
import { findSource, findTitle, headlineFromLead } from '#root/news/metadata.js'

const NOW = new Date('2026-11-22T12:00:00Z')
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

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
  ] as const)('should read "%s" (%s) as %s', (text, language, iso) => {
    expect(findExplicitDate(text, language, NOW)).toEqual(day(iso))
  })

  it.each([
    ['3 hours ago', 'en'], ['On Friday (September 6)', 'en'], ['в воскресенье', 'ru'], ['12 марта', 'ru'], ['December 1, 2031', 'en'],
  ] as const)('should not take "%s" for a publication date', (text, language) => {
    expect(findExplicitDate(text, language, NOW)).toBeUndefined()
  })

  it('should take the date by the title, never one from the lines after the body', () => {
    expect(findPublicationDate(['top of page', 'A headline about talks', 'September 7, 2024', 'Zan News'], 'The lead.', 'en', NOW)).toEqual(day('2024-09-07'))
    // the Russian seed: no date above the body; its sidebar's "24 ноября 2024" is below it
    expect(findPublicationDate([], 'Посол Казахстана в Афганистане встретился в Кабуле с главой МИДа.', 'ru', NOW)).toBeUndefined()
  })

  it('should take a dateline opening the lead', () => {
    expect(findPublicationDate([], 'ALMATY, March 3, 2025 - The central bank raised its rate.', 'en', NOW)).toEqual(day('2025-03-03'))
  })
})

describe('titles and sources', () => {
  const header = ['top of page', 'Social Media', 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten', 'September 7, 2024', 'Zan News']
  const lead = 'Zan News: Karen Decker, the U.S. Chargé d\'Affaires for Afghanistan, has announced her meeting with Kazakh officials in Astana.'

  it('should pick the headline line that shares words with the lead', () => {
    expect(findTitle(header, lead, 'en')).toBe(header[2])
  })

  it('should find the publisher line after the headline, but not guess one from navigation', () => {
    expect(findSource(header, header[2], 'en')).toBe('Zan News')
    expect(findSource(['Home', 'World', 'Search'], undefined, 'en')).toBeUndefined()
  })

  it('should make a headline of at most 100 characters from the lead, cut at a word boundary', () => {
    const title = headlineFromLead('Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле с исполняющим обязанности главы афганского МИДа.')
    expect(title.length).toBeLessThanOrEqual(100)
    expect(title).toBe('Посол Казахстана в Афганистане Алимхан Есенгельдиев в воскресенье встретился в Кабуле…')
    expect(headlineFromLead('Short lead sentence. And more.')).toBe('Short lead sentence')
  })
})
