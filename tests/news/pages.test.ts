// The project's own raw pages, one or more traps each (a standfirst, captions,
// "Read also" inside the body, a date only at the foot or in a dateline, the
// publisher only in a byline or a copyright line, compounds, Киргизия), with
// gold fields in the shared evaluation set's format (tests/fixtures/pages/gold.jsonl).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { processArticle } from '#root/news/process.js'
import { createTopicMatcher, type TopicTerms } from '#root/news/topics.js'
import { checkPage, loadGold } from '../../bench/pages.js'

const DIR = 'tests/fixtures/pages'
const NOW = new Date('2025-12-06T12:00:00Z')
const topics = createTopicMatcher(JSON.parse(readFileSync('seeds/topics.json', 'utf8')) as TopicTerms[])

describe('own fixture pages', () => {
  it.each(loadGold(DIR).map(gold => [gold.file, gold] as const))('should get every field of %s right', (file, gold) => {
    const result = processArticle({ text: readFileSync(`${DIR}/${file}`, 'utf8') }, { topics, now: NOW })
    const failed = checkPage(gold, result).filter(check => !check.ok).map(check => `${check.field}: ${check.detail}`)
    expect(failed).toEqual([])
  })
})
