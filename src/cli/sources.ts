// npm run sources -- list | add <url>... | remove <id> | import <file.opml> | export | poll
// The feeds the bot follows, from the command line. `add` and `import` check
// each feed as /addsource does; a running bot polls new sources within seconds.
// `poll` is a process that only polls (as every npm start also does), until
// stopped. Exit code 1 when something asked for could not be done, 2 on a usage error.
import { readFile } from 'node:fs/promises'
import process from 'node:process'
import pLimit from 'p-limit'
import { createI18n } from '#root/bot/i18n.js'
import { withDatabase } from '#root/cli/run.js'
import { runService } from '#root/cli/service.js'
import { createDatabase } from '#root/db/client.js'
import { migrate } from '#root/db/migrate.js'
import { createRepositories } from '#root/db/repositories/index.js'
import type { Source } from '#root/db/repositories/source-repository.js'
import { createPageFetcher } from '#root/news/inputs/fetch-page.js'
import { createPageWorkers } from '#root/news/page-workers.js'
import { createNewsPipeline } from '#root/news/pipeline.js'
import { seedTopics } from '#root/news/seed.js'
import { addSource, type AddResult, checkSource, storeSource } from '#root/sources/add.js'
import { readStoredError, type SourceError, sourceErrorKey } from '#root/sources/errors.js'
import { createFeedWorkers } from '#root/sources/feed-workers.js'
import { createSources } from '#root/sources/index.js'
import { createSafeFetch } from '#root/net/safe-fetch.js'
import { OpmlError, opmlFeeds, sourcesToOpml } from '#root/sources/opml.js'

const USAGE = 'Usage: npm run sources -- list | add <url>... | remove <id> | import <file.opml> | export | poll'
/** Feeds checked at once by import. */
const IMPORT_CONCURRENCY = 4

const [command, ...args] = process.argv.slice(2)
const usable = (command === 'list' && args.length === 0) || (command === 'add' && args.length > 0)
  || (command === 'remove' && args.length === 1) || (command === 'import' && args.length === 1) || (command === 'export' && args.length === 0)
  || (command === 'poll' && args.length === 0)
if (!usable) {
  process.stderr.write(`${USAGE}\n`)
  process.exit(2)
}

const i18n = createI18n()
const explain = (error: SourceError) => i18n.t('en', sourceErrorKey(error), error.args)
const out = (line: string) => process.stdout.write(`${line}\n`)

function describe(source: Source): string {
  const error = source.failures > 0 ? readStoredError(source.lastError) : undefined
  return [
    `#${source.id}\t${source.state}\t${source.title}`,
    `\t${source.feedUrl}`,
    `\tlast success: ${source.lastSuccessAt?.toISOString() ?? 'never'}; ${source.articlesStored} articles stored, ${source.itemsRefused} refused`,
    ...(error ? [`\tlast error (${source.failures} failures in a row): ${explain(error)}`] : []),
  ].join('\n')
}

function report(input: string, result: AddResult): boolean {
  if (result.ok)
    out(`${input}: added as #${result.source.id} ${result.source.title} (${result.items} items in the feed)`)
  else
    out(`${input}: skipped: ${explain(result.error)}`)
  return result.ok
}

async function poll(): Promise<void> {
  await runService(async ({ config, logger, db, onShutdown }) => {
    const repos = createRepositories(db)
    await seedTopics(repos)
    const pages = createPageWorkers()
    onShutdown(() => pages.close())
    const ingest = await createNewsPipeline({ repos, config, logger, pages })
    const safeFetch = createSafeFetch({ allowPrivate: config.fetchAllowPrivate })
    const sources = createSources({ repos, ingest, config, logger, safeFetch, fetchPage: createPageFetcher(safeFetch) })
    sources.poller.start()
    onShutdown(() => sources.close())
    logger.info({ msg: 'Polling sources', interval_s: config.sourcePollInterval })
  })
}

async function manage(): Promise<boolean> {
  return withDatabase(async (server, config) => {
    await migrate(server.url)
    const db = createDatabase(server.url)
    const feeds = createFeedWorkers()
    try {
      const { sources } = createRepositories(db, { cacheMs: 0 })
      const deps = { sources, safeFetch: createSafeFetch({ allowPrivate: config.fetchAllowPrivate }), feeds }
      switch (command) {
        case 'list': {
          const all = await sources.list()
          out(all.length > 0 ? all.map(describe).join('\n') : 'No sources.')
          return true
        }
        case 'add': {
          let all = true
          for (const url of args)
            all = report(url, await addSource(deps, url)) && all
          return all
        }
        case 'remove': {
          const id = /^#?\d{1,9}$/.test(args[0]!) ? Number(args[0]!.replace(/^#/, '')) : undefined
          const removed = id === undefined ? null : await sources.remove(id)
          out(removed ? `#${removed.id} ${removed.title}: removed (no longer polled; its articles stay)` : `There is no source ${args[0]}.`)
          return removed !== null
        }
        case 'import': {
          let listed
          try {
            listed = opmlFeeds(await readFile(args[0]!, 'utf8'))
          }
          catch (error) {
            out(`${args[0]}: ${error instanceof OpmlError ? error.message : `cannot be read (${(error as Error).message})`}`)
            return false
          }
          // checked concurrently; stored and reported in the file's order
          const limit = pLimit(IMPORT_CONCURRENCY)
          const checked = await Promise.all(listed.feeds.map(feed => limit(() => checkSource(deps, feed.url))))
          let added = 0
          for (const [i, feed] of listed.feeds.entries()) {
            const check = checked[i]!
            const result = check.ok ? await storeSource(sources, check.feed) : check
            added += report(feed.title ? `${feed.url} (${feed.title})` : feed.url, result) ? 1 : 0
          }
          for (const name of listed.other)
            out(`${name}: skipped: the outline has no xmlUrl`)
          out(`${added} added, ${listed.feeds.length - added + listed.other.length} skipped`)
          return true
        }
        default:
          process.stdout.write(sourcesToOpml(await sources.list()))
          return true
      }
    }
    finally {
      await feeds.close()
      await db.$disconnect()
    }
  })
}

if (command === 'poll')
  await poll()
else
  process.exitCode = (await manage()) ? 0 : 1
