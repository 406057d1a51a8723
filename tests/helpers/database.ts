// A database of its own for a test file, cloned from the migrated template.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { createDatabase, type Database } from '#root/db/client.js'
import { createRepositories, type Repositories } from '#root/db/repositories/index.js'
import { databaseUrl } from './global-setup.js'

export interface TestDatabase {
  url: string
  db: Database
  repos: Repositories
  /** Disconnects and drops the database. */
  drop: () => Promise<void>
}

async function admin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') })
  await client.connect()
  try {
    return await task(client)
  }
  finally {
    await client.end()
  }
}

/** A new database: a clone of the migrated template, or empty with `{ empty: true }`. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `news_digest_test_${randomBytes(6).toString('hex')}`
  // CREATE DATABASE ... TEMPLATE needs the template to have no other sessions; retry briefly
  await admin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`)
        return
      }
      catch (error) {
        if (attempt >= 20 || !String((error as Error).message).includes('being accessed by other users'))
          throw error
        await new Promise(resolve => setTimeout(resolve, 100))
      }
    }
  })
  const url = databaseUrl(inject('adminDatabaseUrl'), name)
  const db = createDatabase(url)
  return {
    url,
    db,
    // no in-memory caching: tests read what the database holds
    repos: createRepositories(db, { cacheMs: 0 }),
    drop: async () => {
      await db.$disconnect()
      await admin(client => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    },
  }
}
