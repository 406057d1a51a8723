import { describe, expect, it } from 'vitest'
import { storyFeatures } from '#root/stories/features.js'
import { nameKeys } from '#root/stories/names.js'

const features = (body: string, options: { title?: string, language?: 'en' | 'ru', publishedAt?: Date | null } = {}) =>
  storyFeatures({ title: options.title ?? 'Report', body, language: options.language ?? 'en', publishedAt: options.publishedAt ?? null })

describe('story features', () => {
  it('should read numbers the same in English and Russian writing', () => {
    expect(features('The toll reached 1,400 while 3,100 were hurt.').numbers).toEqual(['1400', '3100'])
    expect(features('Погибли более 1 400 человек, 3100 пострадали.', { language: 'ru' }).numbers).toEqual(['1400', '3100'])
    expect(features('A 6.0-magnitude quake; trade rose to $1.3 billion.').numbers).toEqual(['6.0', '1300000000'])
    expect(features('Землетрясение магнитудой 6,0; товарооборот 1,3 млрд долларов.', { language: 'ru' }).numbers).toEqual(['6.0', '1300000000'])
  })

  it('should leave out years, small counts and the digits of dates, but keep identifiers', () => {
    expect(features('In 2024 three or 7 people came to post 5 of unit 0341 on 23 December.').numbers).toEqual(['0341'])
  })

  it('should date mentions of days and times alike in both languages', () => {
    expect(features('It began on December 23 at 11:30 PM and was over by Dec. 24.').dates).toEqual(['12-23', '12-24', 't23:30'])
    expect(features('Инцидент произошел 23 декабря в 23:30, заявление вышло 25.12.2025.', { language: 'ru' }).dates).toEqual(['12-23', '12-25', 't23:30'])
  })

  it('should date weekdays from the day of the report, in the days before it or the next day', () => {
    // 14 March 2025 was a Friday
    const friday = new Date('2025-03-14T00:00:00Z')
    expect(features('The train left on Wednesday and is due in Hairatan on Saturday.', { publishedAt: friday }).dates).toEqual(['03-12', '03-15'])
    expect(features('Колонна вышла в среду.', { language: 'ru', publishedAt: friday }).dates).toEqual(['03-12'])
    expect(features('The train left on Wednesday.').dates).toEqual([])
  })

  it('should group the words of one name and take sentence openers as names only when they are names elsewhere', () => {
    const { names } = features('Officials met on Monday. President Kassym-Jomart Tokayev received Wang Yi. Tokayev said trade grew.')
    expect(names).toContain([...nameKeys('Kassym'), ...nameKeys('Jomart'), ...nameKeys('Tokayev')].join(' '))
    expect(names).toContain(nameKeys('Tokayev').join(' '))
    expect(names.join(' ')).not.toContain(nameKeys('Officials')[0]!)
  })

  it('should take a dateline in capitals as the city, and words of a Title Case headline only when the text names them', () => {
    const { names } = features('ASTANA - The minister arrived in Astana on Tuesday.', { title: 'Minister Arrives For Talks In Astana' })
    expect(names).toEqual([nameKeys('Astana').join(' ')])
  })

  it('should compare what happened without the names: title and lead words, stemmed', () => {
    const { terms } = features('On Wednesday Uzbekistan sent 62 trucks of flour to Afghanistan from Termez.', { title: 'Aid convoy leaves Termez' })
    expect(terms).toEqual(expect.arrayContaining(['aid', 'convoy', 'leav', 'truck', 'flour']))
    expect(terms).not.toContain('uzbekistan')
    expect(terms).not.toContain('termez')
  })
})
