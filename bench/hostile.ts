// Pages built to make regular expressions backtrack (issue 9): the time the
// cleaner and the whole pipeline take on each. Every step is linear in the page,
// so these take milliseconds; a quadratic pattern takes seconds to hours.
import { performance } from 'node:perf_hooks'
import { cleanPage, pageLines } from '#root/news/clean.js'
import { processArticle } from '#root/news/process.js'
import { createTopicMatcher } from '#root/news/topics.js'
import { topicTerms } from './pipeline.js'

const PROSE = 'The President of Kazakhstan met the U.S. envoy in Astana on Monday, and the two sides discussed trade, security and Afghanistan. '

export const HOSTILE_PAGES: Array<[string, string]> = [
  // the cookie-banner pattern took seconds on such a line: "cookie" many times, "accept" never
  ['a 168 kB line of cookie words', 'Our cookie jar, cookies and more cookies '.repeat(168_000 / 41)],
  ['a 168 kB line of spaces and tabs', `Home${' \t '.repeat(56_000)}News`],
  ['a 168 kB line of brackets after a phone prefix', `+7 ${'('.repeat(168_000)}x`],
  ['a 168 kB line of slashes after a URL scheme', `https://${'/'.repeat(168_000)}`],
  ['a 2 MB line of full stops', `Word${'.'.repeat(2_000_000)} End`],
  ['a 2 MB line of abbreviations', 'U.S. '.repeat(400_000)],
  ['a 2 MB line of prose', PROSE.repeat(Math.ceil(2_000_000 / PROSE.length))],
  ['a 2 MB line of an unclosed quotation', `Он сказал «${'да, '.repeat(500_000)}`],
  ['a 2 MB line of dashes after a dateline', `ASTANA${' - '.repeat(666_000)}text.`],
  ['a 2 MB line of copyright signs and commas', `© 2025 ${'Name, '.repeat(400_000)}`],
]

export function benchHostile(only?: string): void {
  const topics = createTopicMatcher(topicTerms())
  console.log('\n## Hostile single-line pages (ms; cleanPage alone, then processArticle)\n')
  console.log('| page | characters | cleanPage | processArticle |')
  console.log('|---|---|---|---|')
  for (const [name, text] of HOSTILE_PAGES) {
    if (only && !name.includes(only))
      continue
    let started = performance.now()
    cleanPage(pageLines(text), 'en')
    const clean = performance.now() - started
    started = performance.now()
    processArticle({ text }, { topics })
    console.log(`| ${name} | ${text.length} | ${clean.toFixed(0)} | ${(performance.now() - started).toFixed(0)} |`)
  }
}
