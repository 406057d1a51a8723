// Pages built to make regular expressions backtrack: every step of the pipeline
// is linear in the page (patterns anchored or run on bounded slices, a text
// refused past MAX_TEXT_CHARACTERS), so each of these takes milliseconds. The bound asserted
// is loose on purpose, for a shared, noisy machine: a quadratic pattern on these
// inputs takes seconds to minutes.
import { performance } from 'node:perf_hooks'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanPage, pageLines } from '#root/news/clean.js'
import { processArticle } from '#root/news/process.js'
import { createTopicMatcher, type TopicTerms } from '#root/news/topics.js'
import { HOSTILE_PAGES } from '../../bench/hostile.js'

const topics = createTopicMatcher(JSON.parse(readFileSync('seeds/topics.json', 'utf8')) as TopicTerms[])
const PROSE = 'The President of Kazakhstan met the U.S. envoy in Astana on Monday, and the two sides discussed trade, security and Afghanistan. '
const LIMIT_MS = 2000

const timed = (run: () => unknown) => {
  const started = performance.now()
  run()
  return performance.now() - started
}

describe('hostile single-line pages', () => {
  it.each(HOSTILE_PAGES)('should clean and process %s in linear time', (_, text) => {
    expect(text.length).toBeGreaterThan(160_000)
    expect(timed(() => cleanPage(pageLines(text), 'en'))).toBeLessThan(LIMIT_MS)
    expect(timed(() => processArticle({ text }, { topics }))).toBeLessThan(LIMIT_MS)
  })

  it('should still read an ordinary article that follows a huge line', () => {
    const text = `${'x'.repeat(200_000)}\nKazakhstan and Uzbekistan sign a transit deal\n${PROSE}\n${PROSE}`
    const result = processArticle({ text }, { topics })
    expect(result.ok && result.article.body.includes('The President of Kazakhstan met the U.S. envoy')).toBe(true)
  })
})
