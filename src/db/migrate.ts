// Applies prisma/migrations exactly as `prisma migrate deploy` does (same
// _prisma_migrations bookkeeping) and writes new migrations from schema changes,
// both through the WebAssembly schema engine.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
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

/**
 * Whether every migration folder is recorded as applied, read with one query.
 * The schema engine's WebAssembly memory (~40 MB) stays with a process once
 * loaded: a bot starting on an up-to-date database does not load it at all.
 * Anything unusual (no table yet, a failed migration) is left to the engine.
 */
async function upToDate(databaseUrl: string, names: string[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ migration_name: string, finished_at: Date | null, rolled_back_at: Date | null }>(
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations',
    )
    if (rows.some(r => r.finished_at === null && r.rolled_back_at === null))
      return false
    const applied = new Set(rows.filter(r => r.finished_at !== null).map(r => r.migration_name))
    return names.every(name => applied.has(name))
  }
  catch (error) {
    if ((error as { code?: string }).code === '42P01') // undefined_table: a new database
      return false
    throw error
  }
  finally {
    await client.end()
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns the names applied. */
export async function migrate(databaseUrl: string, paths: MigrationPaths = defaultMigrationPaths): Promise<string[]> {
  if (await upToDate(databaseUrl, await listMigrations(paths.migrationsDir)))
    return []
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
