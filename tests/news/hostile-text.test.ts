// Pages built to make regular expressions backtrack: every step of the pipeline
// is linear in the page (patterns anchored or run on bounded slices, a page read
// up to MAX_TEXT_CHARS), so each of these takes milliseconds. The bound asserted
// is loose on purpose, for a shared, noisy machine: a quadratic pattern on these
// inputs takes seconds to minutes.
import { performance } from 'node:perf_hooks'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanPage, pageLines } from '#root/news/clean.js'
import { processArticle } from '#root/news/process.js'
import { createTopicMatcher, type TopicTerms } from '#root/news/topics.js'

const topics = createTopicMatcher(JSON.parse(readFileSync('seeds/topics.json', 'utf8')) as TopicTerms[])
const PROSE = 'The President of Kazakhstan met the U.S. envoy in Astana on Monday, and the two sides discussed trade, security and Afghanistan. '
const LIMIT_MS = 2000

const timed = (run: () => unknown) => {
  const started = performance.now()
  run()
  return performance.now() - started
}

describe('hostile single-line pages', () => {
  it.each([
    // the cookie-banner pattern took 3 s on such a line
    ['a 168 kB line of cookie words', 'We use cookies and our cookie policy '.repeat(168_000 / 37)],
    ['a 168 kB line of spaces and tabs', `Home${' \t '.repeat(56_000)}News`],
    ['a 168 kB line of brackets after a phone prefix', `+7 ${'('.repeat(168_000)}x`],
    ['a 168 kB line of slashes after a URL scheme', `https://${'/'.repeat(168_000)}`],
    ['a 2 MB line of full stops', `Word${'.'.repeat(2_000_000)} End`],
    ['a 2 MB line of abbreviations', 'U.S. '.repeat(400_000)],
    ['a 2 MB line of prose', PROSE.repeat(Math.ceil(2_000_000 / PROSE.length))],
    ['a 2 MB line of an unclosed quotation', `Он сказал «${'да, '.repeat(500_000)}`],
    ['a 2 MB line of dashes after a dateline', `ASTANA${' - '.repeat(666_000)}text.`],
    ['a 2 MB line of copyright signs and commas', `© 2025 ${'Name, '.repeat(400_000)}`],
  ])('should clean and process %s in linear time', (_, text) => {
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
