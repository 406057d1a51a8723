import { readFileSync } from 'node:fs'

/** The package's version, read once when asked (from src/ or a compiled dist/ alike). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
}
