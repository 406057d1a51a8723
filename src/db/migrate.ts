// Applies prisma/migrations exactly as `prisma migrate deploy` does (same
// _prisma_migrations bookkeeping) and writes new migrations from schema changes,
// both through the WebAssembly schema engine.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSchemaEngine } from '#root/db/schema-engine.js'

const PRISMA_DIR = resolve(fileURLToPath(new URL('../../prisma', import.meta.url)))
const NO_FILTER = { externalTables: [], externalEnums: [] }

export interface MigrationPaths {
  schemaPath: string
  migrationsDir: string
}

export const defaultMigrationPaths: MigrationPaths = {
  schemaPath: join(PRISMA_DIR, 'schema.prisma'),
  migrationsDir: join(PRISMA_DIR, 'migrations'),
}

/** Migration folder names in the order they apply (timestamp-prefixed, so sorted by name). */
export async function listMigrations(migrationsDir: string): Promise<string[]> {
  if (!existsSync(migrationsDir))
    return []
  const entries = await readdir(migrationsDir, { withFileTypes: true })
  return entries.filter(e => e.isDirectory() && existsSync(join(migrationsDir, e.name, 'migration.sql')))
    .map(e => e.name)
    .sort()
}

async function migrationList(migrationsDir: string) {
  const lockPath = join(migrationsDir, 'migration_lock.toml')
  const names = await listMigrations(migrationsDir)
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(names.map(async name => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    }))),
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns the names applied. */
export async function migrate(databaseUrl: string, paths: MigrationPaths = defaultMigrationPaths): Promise<string[]> {
  const schema = await readFile(paths.schemaPath, 'utf8')
  const { engine, close } = await openSchemaEngine(databaseUrl, schema)
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await migrationList(paths.migrationsDir),
      filters: NO_FILTER,
    })
    return appliedMigrationNames
  }
  finally {
    await close()
  }
}

/**
 * The SQL that takes a database from the `from` schema to the `to` schema.
 * Schema-to-schema diffs need neither a shadow database nor introspection.
 */
export async function diffSchemas(databaseUrl: string, from: string | undefined, to: string): Promise<string> {
  const { engine, close } = await openSchemaEngine(databaseUrl, to)
  try {
    const { stdout } = await engine.diff({
      from: from === undefined ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    })
    return stdout ?? ''
  }
  finally {
    await close()
  }
}
