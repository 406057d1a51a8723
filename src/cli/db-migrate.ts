// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import process from 'node:process'
import { withDatabase } from '#root/cli/run.js'
import { migrate } from '#root/db/migrate.js'

try {
  const applied = await withDatabase(server => migrate(server.url))
  process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n')
}
catch (error) {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exitCode = 1
}
