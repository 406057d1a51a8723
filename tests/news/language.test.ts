import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectLanguage } from '#root/news/language.js'
import { ENGLISH_BODY, RUSSIAN_BODY } from '../helpers/seeds.js'

const fixture = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8')

describe('detectLanguage', () => {
  it('should recognise the English and Russian seeds', () => {
    expect(detectLanguage(ENGLISH_BODY.join('\n'))).toEqual({ ok: true, language: 'en' })
    expect(detectLanguage(RUSSIAN_BODY.join('\n'))).toEqual({ ok: true, language: 'ru' })
  })

  it.each([
    ['kk.txt', 'kaz', 'Kazakh', 'казахский'],
    ['uz.txt', 'uzn', 'Uzbek', 'узбекский'],
    ['fa.txt', 'prs', 'Dari', 'дари'],
  ])('should refuse %s and name its language in English and Russian', (file, code, en, ru) => {
    expect(detectLanguage(fixture(file))).toEqual({ ok: false, code, name: { en, ru } })
  })

  it('should not take Ukrainian for Russian', () => {
    const guess = detectLanguage('Посол України в Казахстані зустрівся з представниками уряду та обговорив питання двостороннього співробітництва у галузі торгівлі та енергетики.')
    expect(guess).toMatchObject({ ok: false, code: 'ukr', name: { en: 'Ukrainian' } })
  })

  it('should call text too short to judge an unknown language', () => {
    expect(detectLanguage('OK 123')).toMatchObject({ ok: false, code: 'und' })
  })
})
