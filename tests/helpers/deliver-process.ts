// The product's processes, spawned as their npm scripts run them: `npm run
// deliver` (src/cli/deliver.ts) for the kill -9 and two-process tests and the
// fan-out benchmark, which also starts the whole bot.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { FAKE_TOKEN } from './fake-bot-api.js'

// exactly what `npm run deliver` runs (its V8 flags included), minus npm itself
const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.deliver!
const [command, ...deliverArgs] = script.split(' ')
if (command !== 'node')
  throw new Error(`package.json's deliver script should start with node: ${script}`)

/** Spawns node with `args`; resolves once its log (stderr) shows `ready`. */
export function startNodeProcess(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: FAKE_TOKEN, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString()
      if (stderr.includes(ready)) {
        child.stderr.off('data', onData)
        // keep draining the pipe, so that the child never blocks on a full one
        child.stderr.resume()
        resolve(child)
      }
    }
    child.stderr.on('data', onData)
    child.once('exit', code => reject(new Error(`${args.join(' ')} exited with ${code} before "${ready}":\n${stderr}`)))
    child.once('error', reject)
  })
}

/** Starts a delivery process; resolves once it is sending. */
export function startDeliverProcess(env: { DATABASE_URL: string, TELEGRAM_API_ROOT: string } & Record<string, string>): Promise<ChildProcess> {
  return startNodeProcess(deliverArgs, env, 'Delivering digests and pushes')
}

/** SIGTERM, and the exit code once it has stopped. */
export function stopProcess(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>(resolve => child.once('exit', resolve))
  child.kill('SIGTERM')
  return exited
}
