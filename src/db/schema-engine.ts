// Prisma's schema engine compiled to WebAssembly: migrations without the native
// engine binary that the Prisma CLI would download.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'
import type * as EngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'

type Bindings = typeof EngineBindings

let bindings: Promise<Bindings> | undefined

// The package's own entry imports the .wasm file as an ES module, which Node
// cannot do; instantiate it by hand once per process.
async function loadBindings(): Promise<Bindings> {
  const require = createRequire(import.meta.url)
  const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm')
  const js = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  // The engine's timers (e.g. its 10 s migration-lock timeout) must not keep
  // the process alive after the work is done: unref every one it sets.
  const imports: WebAssembly.ModuleImports = { ...js as unknown as WebAssembly.ModuleImports }
  for (const name of Object.keys(imports).filter(n => n.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref()
  }
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': imports,
  })
  js.__wbg_set_wasm(instance.exports)
  ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
  return js
}

export interface EngineHandle {
  engine: SchemaEngine
  close: () => Promise<void>
}

export async function openSchemaEngine(databaseUrl: string, schema: string, log: (line: string) => void = () => {}): Promise<EngineHandle> {
  bindings ??= loadBindings()
  const js = await bindings
  // Our own pool, so that closing ends its connections instead of leaving them
  // to the idle timeout (which would keep the process alive for seconds).
  const pool = new pg.Pool({ connectionString: databaseUrl })
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool))
  const engine = await js.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, log, adapter)
  return {
    engine,
    close: async () => {
      engine.free()
      await pool.end()
    },
  }
}
