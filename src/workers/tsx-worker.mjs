// Starts a TypeScript worker (development and tests run under tsx, whose loader
// a worker thread does not inherit on Node 20); compiled .js workers start directly.
// The worker's module URL comes as the thread's first argument.
import process from 'node:process'
import { register } from 'tsx/esm/api'

register()
await import(String(process.argv[2]))
