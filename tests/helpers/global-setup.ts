// One PostgreSQL per test run: TEST_DATABASE_URL when set, otherwise an embedded
// server in a temporary directory. A template database is migrated once; every
// test file clones its own database from it (tests/helpers/database.ts).
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres } from '#root/db/embedded.js'
import { migrate } from '#root/db/migrate.js'
import { createLogger } from '#root/logger.js'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
    templateDatabase: string
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.href
}

export default async function setup(project: TestProject) {
  const logger = createLogger('warn', { pretty: false })
  let stopServer = async () => {}
  let serverUrl = process.env.TEST_DATABASE_URL
  let dataDir: string | undefined
  if (!serverUrl) {
    dataDir = await mkdtemp(join(tmpdir(), 'news-digest-test-'))
    // as root, PostgreSQL runs as its own user, which must be able to enter the directory
    await chmod(dataDir, 0o755)
    const embedded = await startEmbeddedPostgres(dataDir, logger, 'postgres')
    serverUrl = embedded.url
    stopServer = embedded.stop
  }
  const template = `news_digest_template_${process.pid}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`)
  await admin.query(`CREATE DATABASE "${template}"`)
  await migrate(databaseUrl(serverUrl, template))
  project.provide('adminDatabaseUrl', serverUrl)
  project.provide('templateDatabase', template)

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
    await admin.end()
    await stopServer()
    if (dataDir)
      await rm(dataDir, { recursive: true, force: true })
  }
}
