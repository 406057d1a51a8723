import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentHash } from '#root/news/fingerprint.js'
import { processArticle } from '#root/news/process.js'
import { splitSentences } from '#root/news/text.js'

const english = readFileSync('seeds/000_f702c42390311232.txt', 'utf8')
const russian = readFileSync('seeds/003_d88397f3bf14cc62.txt', 'utf8')

describe('processArticle on the seeds', () => {
  it('should find the English article\'s title, date, source and language', () => {
    const result = processArticle({ text: english })
    expect(result.ok).toBe(true)
    if (!result.ok)
      return
    expect(result.article).toMatchObject({
      title: 'Karen Decker\'s Talks with Kazakh Officials: Afghanistan Will Not Be Forgotten',
      language: 'en',
      sourceName: 'Zan News',
      publishedAt: new Date('2024-09-07T00:00:00Z'),
    })
    expect(result.article.body).toMatch(/^Zan News: Karen Decker/)
    expect(result.article.body).toMatch(/removed them from its list of banned groups\.$/)
    expect(result.article.body).not.toMatch(/Latest|Follow us|Instagram|top of page/)
  })

  it('should make a title of at most 100 characters from the lead of the untitled Russian article', () => {
    const result = processArticle({ text: russian })
    expect(result.ok).toBe(true)
    if (!result.ok)
      return
    expect(result.article.language).toBe('ru')
    expect(result.article.publishedAt).toBeNull()
    expect(result.article.title.length).toBeLessThanOrEqual(100)
    expect(result.article.title).toMatch(/^Посол Казахстана в Афганистане .*[^\s]…$/)
  })

  it('should give the same hash to the same text under different whitespace and boilerplate', () => {
    const a = processArticle({ text: english })
    const b = processArticle({ text: `Menu\nHome\n\n${english.replace(/\n\n/g, '\n  \n')}\nCookie settings` })
    expect(a.ok && b.ok && a.article.contentHash === b.article.contentHash).toBe(true)
    expect(contentHash('One, two.')).toBe(contentHash('one two'))
  })

  it('should refuse text that has no article body', () => {
    expect(processArticle({ text: 'Home\nNews\nContacts' })).toMatchObject({ ok: false, rejection: { code: 'empty' } })
    expect(processArticle({ text: 'Home\nWorld news\nContact the editors\nAbout us\nPrivacy policy\nTerms of use' })).toMatchObject({ ok: false, rejection: { code: 'empty' } })
  })

  it('should not split sentences after initials such as U.S.', () => {
    expect(splitSentences('The U.S. side agreed. Kazakhstan welcomed it.')).toEqual(['The U.S. side agreed.', 'Kazakhstan welcomed it.'])
  })
})
