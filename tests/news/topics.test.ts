import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTopicMatcher, stem, TOPIC_THRESHOLD, type TopicTerms } from '#root/news/topics.js'
import { ENGLISH_BODY, RUSSIAN_BODY } from '../helpers/seeds.js'

const matcher = createTopicMatcher(JSON.parse(readFileSync('seeds/topics.json', 'utf8')) as TopicTerms[])
const slugs = (title: string, paragraphs: string[]) => matcher.match({ title, paragraphs }).map(t => t.slug)

describe('topic matching', () => {
  it('should tag the English seed with kazakhstan, afghanistan and usa, and nothing from its sidebar', () => {
    const topics = slugs('Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten', ENGLISH_BODY)
    expect(topics).toEqual(expect.arrayContaining(['kazakhstan', 'afghanistan', 'usa']))
    expect(topics).not.toContain('women-rights')
    expect(topics).not.toContain('media-press-freedom')
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

  it('should tag a named topic on one mention in the text, but a theme only on more than one word of its field', () => {
    const filler = 'The weather in the region was mild and the streets were calm for most of the week.'
    expect(slugs('Weekly report', [filler, filler, 'Iran was mentioned once.'])).toContain('iran')
    expect(slugs('Weekly report', [filler, filler, 'A newspaper wrote about it.'])).not.toContain('media-press-freedom')
    expect(slugs('Weekly report', ['Two journalists were detained and their newspaper was closed.', filler])).toContain('media-press-freedom')
    expect(TOPIC_THRESHOLD.theme).toBeGreaterThan(TOPIC_THRESHOLD.named)
  })

  it('should count each part of a hyphenated compound ("China-Kyrgyzstan-Uzbekistan", "казахско-кыргызской")', () => {
    expect(slugs('China-Kyrgyzstan-Uzbekistan railway to be built', [])).toEqual(expect.arrayContaining(['china', 'kyrgyzstan', 'uzbekistan']))
    expect(slugs('Очереди на казахско-кыргызской границе', [])).toEqual(expect.arrayContaining(['kazakhstan', 'kyrgyzstan']))
    expect(slugs('Kazakh-Uzbek talks', [])).toEqual(expect.arrayContaining(['kazakhstan', 'uzbekistan']))
    // a compound that is itself a name stays one place
    expect(slugs('Flights to Nur-Sultan resume', [])).toEqual(['kazakhstan'])
  })

  it.each([
    ['Kyrgyzstan'], ['Kirghizia'], ['Kyrgyz'], ['Кыргызстана'], ['Киргизии'], ['киргизской'], ['кыргызстанцы'],
  ])('should read "%s" as kyrgyzstan', (word) => {
    expect(slugs(`${word} news today`, [])).toContain('kyrgyzstan')
  })

  it('should not read the newsroom\'s city in a dateline as a topic', () => {
    const lead = 'Москва. 16 февраля. INTERFAX.RU - Президент Киргизии Садыр Жапаров заявил, что не допустит разделения страны.'
    expect(slugs('Президент пообещал не допустить разделения страны', [lead])).not.toContain('russia')
    expect(slugs('Президент пообещал не допустить разделения страны', [lead])).toContain('kyrgyzstan')
  })

  it('should not read political power as energy', () => {
    expect(slugs('Women & Power in Central Asia', ['The Taliban\'s return to power changed everything for the powerful families.'])).not.toContain('energy')
  })

  it('should stem Russian and English word forms to shared stems', () => {
    expect(stem('талибов')).toBe(stem('талибы'))
    expect(stem('talks')).toBe(stem('talk'))
  })
})
