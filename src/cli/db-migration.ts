// npm run db:migration -- <name>
import { relative } from 'node:path'
import process from 'node:process'
import { withDatabase } from '#root/cli/run.js'
import { createMigration } from '#root/db/create-migration.js'

const name = process.argv[2]
if (!name) {
  process.stderr.write('Usage: npm run db:migration -- <name>\n')
  process.exit(2)
}
try {
  const dir = await withDatabase(server => createMigration(server.url, name))
  process.stdout.write(dir ? `Wrote ${relative(process.cwd(), dir)}/migration.sql\n` : 'The schema has not changed since the last migration: nothing written.\n')
}
catch (error) {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exitCode = 1
}
