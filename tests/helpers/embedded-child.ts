// Run as a child process by tests/db/embedded.test.ts: starts the embedded
// PostgreSQL on DATA_DIR, prints its URL, then waits to be killed.
import { startEmbeddedPostgres } from '#root/db/embedded.js'
import { createLogger } from '#root/logger.js'

const server = await startEmbeddedPostgres(process.env.DATA_DIR!, createLogger('warn', { pretty: false }))
process.stdout.write(`${server.url}\n`)
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)))
setInterval(() => {}, 1000)
