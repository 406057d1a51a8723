// Article quality on raw pages with gold fields (the format of ../shared/eval/pages,
// whose README gives the conventions): for each field, the share of pages on which
// the pipeline gets every check of that field right. Run on the shared set and on
// this project's own fixture pages (tests/fixtures/pages/gold.jsonl).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { processArticle, type ProcessResult } from '#root/news/process.js'
import { MAX_TITLE } from '#root/news/metadata.js'
import { MAX_SUMMARY } from '#root/news/summarize.js'
import { createTopicMatcher } from '#root/news/topics.js'
import { topicTerms } from './pipeline.js'
import { evalDir } from './summary-quality.js'

export interface PageGold {
  file: string
  lang: 'en' | 'ru' | 'reject'
  title: string | null
  date: string | null
  source: string | null
  body_first: string | null
  body_last: string | null
  boilerplate_probes: string[]
  body_probes: string[]
  topics_must: string[]
  topics_must_not: string[]
}

export const FIELDS = ['language', 'title', 'date', 'source', 'body', 'topics', 'summary'] as const
export type Field = typeof FIELDS[number]

export interface Check { file: string, field: Field, ok: boolean, detail: string }

/** The scorer's matching: NFKC, curly and «» quotes made plain, whitespace collapsed, lower case. */
export function norm(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').replace(/[‘’]/gu, '\'').replace(/[“”«»]/gu, '"').replace(/\s+/gu, ' ').trim().toLowerCase()
}

const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null)

/** Every check of one page, each under the field it belongs to. */
export function checkPage(gold: PageGold, result: ProcessResult): Check[] {
  const checks: Check[] = []
  const check = (field: Field, ok: boolean, detail: string) => checks.push({ file: gold.file, field, ok, detail })
  if (gold.lang === 'reject') {
    check('language', !result.ok && result.rejection.code === 'language', result.ok ? `stored as ${result.article.language}` : 'refused')
    return checks
  }
  if (!result.ok) {
    for (const field of FIELDS)
      check(field, false, `refused: ${result.rejection.detail}`)
    return checks
  }
  const { article } = result
  check('language', article.language === gold.lang, `got ${article.language}`)
  if (gold.title) {
    check('title', norm(article.title) === norm(gold.title), `got ${JSON.stringify(article.title)}`)
  }
  else {
    // a headline made from the lead: short, and its words are the text's, cut at a word boundary
    const made = norm(article.title.replace(/…$/u, ''))
    const body = norm(article.body)
    const at = body.indexOf(made)
    const whole = at !== -1 && !/[\p{L}\p{N}]/u.test(body.charAt(at + made.length))
    check('title', article.title.length > 0 && article.title.length <= MAX_TITLE && whole, `got ${JSON.stringify(article.title)}`)
  }
  check('date', iso(article.publishedAt) === gold.date, `got ${iso(article.publishedAt)}, want ${gold.date}`)
  if (gold.source)
    check('source', norm(article.sourceName).includes(norm(gold.source)), `got ${JSON.stringify(article.sourceName)}, want ${gold.source}`)
  else
    check('source', article.sourceName === null, `got ${JSON.stringify(article.sourceName)}, want none`)
  const body = norm(article.body)
  if (gold.body_first)
    check('body', body.startsWith(norm(gold.body_first)), `starts ${JSON.stringify(article.body.slice(0, 60))}`)
  if (gold.body_last)
    check('body', body.endsWith(norm(gold.body_last)), `ends ${JSON.stringify(article.body.slice(-60))}`)
  for (const probe of gold.body_probes)
    check('body', body.includes(norm(probe)), `lost ${JSON.stringify(probe)}`)
  for (const probe of gold.boilerplate_probes)
    check('body', !body.includes(norm(probe)), `kept ${JSON.stringify(probe)}`)
  const topics = new Set(article.topics.map(t => t.slug))
  for (const slug of gold.topics_must)
    check('topics', topics.has(slug), `missing ${slug} (got ${[...topics].join(', ')})`)
  for (const slug of gold.topics_must_not)
    check('topics', !topics.has(slug), `unexpected ${slug}`)
  const summary = article.summary.text
  check('summary', summary.length > 0 && summary.length <= MAX_SUMMARY, `${summary.length} characters`)
  check('summary', !gold.boilerplate_probes.some(probe => norm(summary).includes(norm(probe))), `furniture in ${JSON.stringify(summary.slice(0, 80))}`)
  check('summary', !norm(summary).startsWith(norm(article.title.replace(/…$/u, ''))), `repeats the title: ${JSON.stringify(summary.slice(0, 80))}`)
  return checks
}

export function loadGold(dir: string, file = 'gold.jsonl'): PageGold[] {
  return readFileSync(join(dir, file), 'utf8').trim().split('\n').filter(Boolean).map(line => JSON.parse(line) as PageGold)
}

export interface PageScores {
  pages: number
  /** per field: pages with every check of the field right, and pages that have the field */
  fields: Record<Field, { right: number, of: number }>
  checks: { passed: number, total: number }
  failures: Check[]
}

/** Runs the pipeline on every page of a gold set (`now` fixed for dates relative to today). */
export function scorePages(dir: string, now = new Date()): PageScores {
  const topics = createTopicMatcher(topicTerms())
  const fields = Object.fromEntries(FIELDS.map(f => [f, { right: 0, of: 0 }])) as PageScores['fields']
  const all: Check[] = []
  const gold = loadGold(dir)
  for (const page of gold) {
    const checks = checkPage(page, processArticle({ text: readFileSync(join(dir, page.file), 'utf8') }, { topics, now }))
    all.push(...checks)
    for (const field of FIELDS) {
      const own = checks.filter(c => c.field === field)
      if (own.length === 0)
        continue
      fields[field].of++
      if (own.every(c => c.ok))
        fields[field].right++
    }
  }
  return { pages: gold.length, fields, checks: { passed: all.filter(c => c.ok).length, total: all.length }, failures: all.filter(c => !c.ok) }
}

/** Prints the per-field accuracy of the shared set and of the project's own pages side by side. */
export function benchPages(): void {
  const sets: Array<[string, string]> = [['shared', join(evalDir(), 'pages')], ['own', 'tests/fixtures/pages']]
  const results = sets.map(([name, dir]) => [name, dir, scorePages(dir)] as const)
  console.log(`\n## Article fields on raw pages (pages with every check of the field right)\n`)
  console.log(results.map(([name, dir, r]) => `- ${name}: ${dir} (${r.pages} pages, ${r.checks.passed}/${r.checks.total} checks)`).join('\n'))
  console.log(`\n| field | ${results.map(([name]) => name).join(' | ')} |`)
  console.log(`|---|${results.map(() => '---').join('|')}|`)
  const cell = (x: { right: number, of: number }) => `${x.right}/${x.of} (${x.of ? Math.round(100 * x.right / x.of) : 100}%)`
  for (const field of FIELDS)
    console.log(`| ${field} | ${results.map(([, , r]) => cell(r.fields[field])).join(' | ')} |`)
  for (const [name, , r] of results) {
    for (const failure of r.failures)
      console.log(`FAIL ${name} ${failure.file} ${failure.field}: ${failure.detail}`)
  }
}
