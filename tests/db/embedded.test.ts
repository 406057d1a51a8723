// The embedded PostgreSQL under DATA_DIR: data survives restarts, a second process
// shares the running server, and one left behind by a killed process is taken over.
import { type ChildProcess, spawn } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '#root/db/embedded.js'
import { createLogger } from '#root/logger.js'

function startChild(dataDir: string): Promise<{ child: ChildProcess, url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/embedded-child.ts'], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.once('data', (chunk: Buffer) => resolve({ child, url: chunk.toString().trim() }))
    child.once('exit', code => reject(new Error(`child exited with ${code}`)))
  })
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows
  }
  finally {
    await client.end()
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0])
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  }
  catch {
    return false
  }
}

describe('embedded PostgreSQL', () => {
  let dataDir: string
  const logger = createLogger('silent', { pretty: false })

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'news-digest-embedded-'))
    await chmod(dataDir, 0o755)
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('should keep its data across a stop and a start', async () => {
    const first = await startEmbeddedPostgres(dataDir, logger)
    await query(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES (\'still here\')')
    await first.stop()
    const second = await startEmbeddedPostgres(dataDir, logger)
    expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }])
    await second.stop()
  }, 60_000)

  it('should share the server another live process runs, and leave it running', async () => {
    const { child, url } = await startChild(dataDir)
    try {
      const shared = await startEmbeddedPostgres(dataDir, logger)
      expect(shared.url).toBe(url)
      await shared.stop()
      expect(await query(url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
    }
    finally {
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }, 60_000)

  it('should take over a server orphaned by a process killed with SIGKILL, and stop it', async () => {
    const { child } = await startChild(dataDir)
    const pid = await postmasterPid(dataDir)
    const exited = new Promise(resolve => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    expect(alive(pid)).toBe(true)
    const taken = await startEmbeddedPostgres(dataDir, logger)
    expect(await query(taken.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }])
    await taken.stop()
    expect(alive(pid)).toBe(false)
  }, 60_000)
})
