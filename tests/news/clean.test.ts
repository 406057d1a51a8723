import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanPage, pageLines } from '#root/news/clean.js'
import { ENGLISH_BODY, ENGLISH_BOILERPLATE, ENGLISH_SEED, RUSSIAN_BODY, RUSSIAN_BOILERPLATE, RUSSIAN_SEED } from '../helpers/seeds.js'

const fixture = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8')

describe('cleanPage', () => {
  it('should keep every body paragraph of the English seed, in order, and none of its page furniture', () => {
    const { paragraphs } = cleanPage(pageLines(ENGLISH_SEED), 'en')
    expect(ENGLISH_BODY).toHaveLength(7)
    expect(paragraphs).toEqual(ENGLISH_BODY)
    const body = paragraphs.join('\n')
    for (const junk of ENGLISH_BOILERPLATE)
      expect(body, junk).not.toContain(junk)
  })

  it('should keep every body paragraph of the Russian seed, in order, and none of its page furniture', () => {
    const { paragraphs } = cleanPage(pageLines(RUSSIAN_SEED), 'ru')
    expect(paragraphs).toEqual(RUSSIAN_BODY)
    const body = paragraphs.join('\n')
    for (const junk of RUSSIAN_BOILERPLATE)
      expect(body, junk).not.toContain(junk)
  })

  it('should drop captions, "Read also" links, share buttons and the comments of an English page', () => {
    const { paragraphs, header } = cleanPage(pageLines(fixture('en-untitled-comments.txt')), 'en')
    expect(paragraphs).toHaveLength(4)
    expect(paragraphs[0]).toMatch(/^Uzbekistan and Kazakhstan signed an agreement/)
    expect(paragraphs[3]).toMatch(/^Analysts said that the agreement/)
    const body = paragraphs.join('\n')
    for (const junk of ['Photo: Reuters', 'Read also', 'Share this', 'Comments', 'waiting for this railway', 'Another promise', 'Good news for traders'])
      expect(body, junk).not.toContain(junk)
    expect(header).toContain('Published: 12 March 2025')
  })

  it('should drop the caption, "Читайте также", the subscription call, comments and most-read list of a Russian page', () => {
    const { paragraphs } = cleanPage(pageLines(fixture('ru-dated-comments.txt')), 'ru')
    expect(paragraphs).toHaveLength(4)
    expect(paragraphs[0]).toMatch(/^Ашхабад, 12 марта\. Туркменистан в среду/)
    const body = paragraphs.join('\n')
    for (const junk of ['Фото:', 'Читайте также', 'Подписывайтесь', 'Комментарии', 'Очень хорошая новость', 'А кто будет платить', 'Самое читаемое', 'Курс доллара'])
      expect(body, junk).not.toContain(junk)
  })

  it('should treat a phone number line, a foreign-script line and a bare time as boilerplate', () => {
    const page = [
      'The minister said on Monday that the new rules would apply to all companies from the first of January next year.',
      'Call our newsroom on +7 701 123 45 67 with your stories and tips.',
      'وزیر امور خارجه قزاقستان روز دوشنبه در آستانه با سفیر افغانستان دیدار کرد',
      '01:17',
      'He added that the government would publish a detailed plan of the changes and hold public hearings in the spring.',
    ]
    expect(cleanPage(page, 'en').paragraphs).toEqual([page[0], page[4]])
  })
})
