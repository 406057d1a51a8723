import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTopicMatcher, stem, TOPIC_THRESHOLD, type TopicTerms } from '#root/news/topics.js'
import { ENGLISH_BODY, RUSSIAN_BODY } from '../helpers/seeds.js'

const matcher = createTopicMatcher(JSON.parse(readFileSync('seeds/topics.json', 'utf8')) as TopicTerms[])
const slugs = (title: string, paragraphs: string[]) => matcher.match({ title, paragraphs }).map(t => t.slug)

describe('topic matching', () => {
  it('should tag the English seed with kazakhstan, afghanistan and usa, but not taliban for one passing mention', () => {
    const topics = slugs('Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten', ENGLISH_BODY)
    expect(topics).toEqual(expect.arrayContaining(['kazakhstan', 'afghanistan', 'usa']))
    expect(topics).not.toContain('taliban')
  })

  it('should tag the Russian seed with kazakhstan, afghanistan and taliban', () => {
    expect(slugs('Посол Казахстана в Афганистане встретился в Кабуле', RUSSIAN_BODY)).toEqual(expect.arrayContaining(['kazakhstan', 'afghanistan', 'taliban']))
  })

  it.each([
    ['Казахстана'], ['казахстанского'], ['Астана'], ['Астане'], ['Kazakh'], ['Astana'], ['Kazakhstan\'s'],
  ])('should read "%s" in a title as kazakhstan', (word) => {
    expect(slugs(`${word} news today`, [])).toContain('kazakhstan')
  })

  it('should read the acronym US as the United States but the pronoun "us" not', () => {
    expect(slugs('US envoy meets officials', [])).toContain('usa')
    expect(slugs('Tell us what you think', [])).not.toContain('usa')
    expect(slugs('Посол РФ провёл встречу', [])).toContain('russia')
  })

  it('should need more than one mention deep in the body for a tag', () => {
    const filler = 'The weather in the region was mild and the markets were calm for most of the week.'
    expect(slugs('Weekly report', [filler, filler, 'Iran was mentioned once.'])).not.toContain('iran')
    expect(slugs('Weekly report', [filler, 'Iran and Iran again.', 'Tehran said so too.'])).toContain('iran')
    expect(TOPIC_THRESHOLD).toBeGreaterThan(1)
  })

  it('should stem Russian and English word forms to shared stems', () => {
    expect(stem('талибов')).toBe(stem('талибы'))
    expect(stem('talks')).toBe(stem('talk'))
  })
})
