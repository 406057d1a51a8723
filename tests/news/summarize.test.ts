import { describe, expect, it } from 'vitest'
import { balance, MAX_SUMMARY, MAX_TEASER, sentenceUnits, summarize } from '#root/news/summarize.js'
import { headlineFromLead } from '#root/news/metadata.js'
import { splitSentences } from '#root/news/text.js'
import { ENGLISH_BODY, RUSSIAN_BODY } from '../helpers/seeds.js'

function sentenceCount(text: string): number {
  return splitSentences(text).length
}

describe('summarize', () => {
  it.each([['English', ENGLISH_BODY, 'Zan News'], ['Russian', RUSSIAN_BODY, undefined]] as const)('should keep the %s seed summary within 2 whole sentences and 320 characters, and the teaser within 140', (_, body, source) => {
    const { text, teaser } = summarize([...body], undefined, source)
    expect(text.length).toBeLessThanOrEqual(MAX_SUMMARY)
    expect(sentenceCount(text)).toBeLessThanOrEqual(2)
    expect(teaser.length).toBeLessThanOrEqual(MAX_TEASER)
    expect(balance(text)).toBe(text)
    expect(balance(teaser)).toBe(teaser)
    // whole sentences of the article
    for (const sentence of splitSentences(text))
      expect(body.join(' ')).toContain(sentence)
  })

  it('should not repeat the source name that opens the English seed', () => {
    expect(summarize([...ENGLISH_BODY], undefined, 'Zan News').text).toMatch(/^Karen Decker, the U\.S\. Chargé d'Affaires/)
  })

  it('should keep a quotation that runs over two sentences together', () => {
    expect(sentenceUnits([ENGLISH_BODY[2]!])).toHaveLength(1)
    expect(sentenceUnits(['«Первое. Второе», сказал он. Третье.'])).toEqual(['«Первое. Второе», сказал он.', 'Третье.'])
  })

  it('should cut a single over-long sentence at a word boundary and close its quotes', () => {
    const long = `He said «${'very '.repeat(80)}long words» today.`
    const { text, teaser } = summarize([long])
    expect(text.length).toBeLessThanOrEqual(MAX_SUMMARY)
    expect(text).toMatch(/…»$/)
    expect(teaser.length).toBeLessThanOrEqual(MAX_TEASER)
  })

  it('should prefer the lead over a quote or a question later on', () => {
    const paragraphs = [
      'The government of Kyrgyzstan approved a new budget on Monday that raises spending on schools and hospitals.',
      '"We are very happy with this," a teacher said.',
      'Will it be enough?',
      'The budget also cuts spending on administration by a tenth and raises the minimum wage from January.',
    ]
    const { text } = summarize(paragraphs)
    expect(text).toMatch(/^The government of Kyrgyzstan approved/)
    expect(text).not.toContain('very happy')
    expect(text).not.toContain('?')
  })
})

describe('summaries beside the headline', () => {
  const paragraphs = [
    'Казахстан поставит в Афганистан 500 тыс. тонн пшеницы, договоренность об этом была достигнута в Кабуле в ходе визита казахстанской делегации.',
    'Условия поставки казахстанского зерна не сообщаются, пишет местная пресса.',
    'Ранее Афганистан сообщал, что из-за неудачного урожая будет вынужден закупить пшеницу в одной из стран региона.',
  ]

  it('should leave the lead\'s first sentence to a headline made from it', () => {
    const title = headlineFromLead(paragraphs[0]!)
    const { text, teaser } = summarize(paragraphs, title, undefined, { titleFromLead: true })
    expect(text).not.toMatch(/^Казахстан поставит/)
    expect(text).toMatch(/^Условия поставки/)
    expect(teaser).not.toMatch(/^Казахстан поставит/)
  })

  it('should keep what follows a printed headline that the lead repeats', () => {
    const { text } = summarize(paragraphs, 'Казахстан поставит в Афганистан 500 тыс. тонн пшеницы')
    expect(text).toMatch(/^Договоренность об этом была достигнута в Кабуле/)
  })

  it('should pass over a sentence that says nothing the headline does not', () => {
    const { text } = summarize(['Kazakhstan and Uzbekistan sign a railway deal.', ...ENGLISH_BODY.slice(1, 4)], 'Kazakhstan, Uzbekistan sign railway deal')
    expect(text).not.toContain('sign a railway deal')
  })
})

describe('splitSentences', () => {
  it('should not split after initials or abbreviations and should split run-on captions', () => {
    expect(splitSentences('The U.S. side agreed. Mr. Smith left. Kazakhstan welcomed it.')).toEqual(['The U.S. side agreed.', 'Mr. Smith left.', 'Kazakhstan welcomed it.'])
    expect(splitSentences('Retirement income is 13% higher than a colleague The cost of divorce can wreck retirement.')).toEqual(['Retirement income is 13% higher than a colleague', 'The cost of divorce can wreck retirement.'])
    expect(splitSentences('В 2024 г. объём вырос. Это рекорд.')).toEqual(['В 2024 г. объём вырос.', 'Это рекорд.'])
  })
})
