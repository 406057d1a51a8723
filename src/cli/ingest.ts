// npm run ingest -- [--dry-run] [--json] <file|dir|url>...
// Stores each input (with --dry-run only processes it); one bad input does not
// stop the others; exits 1 when any input was rejected for a reason other than
// being a duplicate, 2 on a usage error.
import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { withDatabase } from '#root/cli/run.js'
import { createDatabase } from '#root/db/client.js'
import { migrate } from '#root/db/migrate.js'
import { createRepositories } from '#root/db/repositories/index.js'
import { createSafeFetch, SafeFetchError } from '#root/net/safe-fetch.js'
import { type Ingest, ingestInOrder, type IngestResult } from '#root/news/ingest.js'
import { createPageFetcher, type FetchPage } from '#root/news/inputs/fetch-page.js'
import { looksLikeHtml } from '#root/news/inputs/html.js'
import { createPageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { seedTopics } from '#root/news/seed.js'
import type { PageInput, Rejection } from '#root/news/types.js'

const USAGE = 'Usage: npm run ingest -- [--dry-run] [--json] <file|dir|url>...'
const READABLE = new Set(['.txt', '.html', '.htm', '.md', ''])

async function expand(args: string[]): Promise<string[]> {
  const inputs: string[] = []
  for (const arg of args) {
    const info = /^https?:\/\//i.test(arg) ? undefined : await stat(arg).catch(() => undefined)
    if (info?.isDirectory()) {
      const files = (await readdir(arg)).filter(f => READABLE.has(extname(f).toLowerCase()) && !f.startsWith('.')).sort()
      inputs.push(...files.map(f => join(arg, f)))
    }
    else {
      inputs.push(arg)
    }
  }
  return inputs
}

async function read(input: string, fetchPage: FetchPage): Promise<PageInput> {
  if (/^https?:\/\//i.test(input))
    return fetchPage(input)
  const text = await readFile(input, 'utf8')
  return /\.html?$/i.test(input) || looksLikeHtml(text) ? { html: text } : { text }
}

function isoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null
}

export function toJson(input: string, result: IngestResult) {
  if (result.status === 'rejected') {
    return {
      input, id: null, status: result.status, reason: result.rejection.detail,
      language: result.rejection.code === 'language' ? result.rejection.language.code : null,
      title: null, publishedAt: null, source: null, topics: [], summary: { en: null, ru: null }, teaser: { en: null, ru: null }, body: null,
    }
  }
  const { article, summaries } = result
  return {
    input,
    id: result.id,
    status: result.status,
    reason: result.status === 'duplicate' ? `same ${result.duplicate.by === 'similar' ? 'content as (near duplicate of)' : result.duplicate.by === 'url' ? 'URL as' : 'text as'} article ${result.id}` : null,
    language: article.language,
    title: article.title,
    publishedAt: isoDate(article.publishedAt),
    source: article.sourceName,
    topics: article.topics.map(t => t.slug),
    summary: { en: summaries.en?.text ?? null, ru: summaries.ru?.text ?? null },
    teaser: { en: summaries.en?.teaser ?? null, ru: summaries.ru?.teaser ?? null },
    body: article.body,
  }
}

function toLine(input: string, result: IngestResult): string {
  const json = toJson(input, result)
  if (result.status === 'rejected')
    return `${input}: rejected: ${json.reason}`
  const what = result.status === 'stored' ? (result.dryRun ? 'would be stored' : `stored as #${result.id}`) : `duplicate: ${json.reason}`
  return `${input}: ${what}\n  ${json.title} [${json.language}, ${json.publishedAt ?? 'no date on the page'}, ${json.source ?? 'source unknown'}; topics: ${json.topics.join(', ') || 'none'}]`
}

async function readInput(input: string, fetchPage: FetchPage): Promise<PageInput | Rejection> {
  try {
    return await read(input, fetchPage)
  }
  catch (error) {
    if (error instanceof SafeFetchError)
      return { code: 'fetch', detail: `could not fetch ${input}: ${error.message}` }
    const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file: ${input}` : `could not read ${input}: ${(error as Error).message}`
    return { code: 'unreadable', detail }
  }
}

async function run(ingest: Ingest, fetchPage: FetchPage, inputs: string[], options: { dryRun: boolean, json: boolean }): Promise<boolean> {
  let failed = false
  await ingestInOrder(ingest, inputs, input => readInput(input, fetchPage), (input, result) => {
    if (result.status === 'rejected')
      failed = true
    process.stdout.write(`${options.json ? JSON.stringify(toJson(input, result)) : toLine(input, result)}\n`)
  }, { dryRun: options.dryRun })
  return !failed
}

let parsed
try {
  parsed = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, 'json': { type: 'boolean', default: false } } })
}
catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`)
  process.exit(2)
}
if (parsed.positionals.length === 0) {
  process.stderr.write(`${USAGE}\n`)
  process.exit(2)
}

const ok = await withDatabase(async (server, config, logger) => {
  await migrate(server.url)
  const db = createDatabase(server.url)
  const pages = createPageWorkers()
  try {
    const repos = createRepositories(db)
    await seedTopics(repos)
    const ingest = await createNewsPipeline({ repos, config, logger, pages })
    const fetchPage = createPageFetcher(createSafeFetch({ allowPrivate: config.fetchAllowPrivate }))
    return await run(ingest, fetchPage, await expand(parsed.positionals), { dryRun: parsed.values['dry-run'], json: parsed.values.json })
  }
  finally {
    await pages.close()
    await db.$disconnect()
  }
})
process.exitCode = ok ? 0 : 1
