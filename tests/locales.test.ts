// Every user-visible string exists in English and in Russian, with the same placeables.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

function messages(file: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>()
  let current: Set<string> | undefined
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const key = /^([a-z][\w-]*)\s*=/.exec(line)
    if (key) {
      current = new Set()
      result.set(key[1]!, current)
    }
    for (const [, variable] of line.matchAll(/\{\s*\$(\w+)\s*\}/g))
      current?.add(variable!)
  }
  return result
}

describe('locales', () => {
  it('should have every message in both languages, with the same variables', () => {
    const en = messages('locales/en.ftl')
    const ru = messages('locales/ru.ftl')
    expect([...ru.keys()].sort()).toEqual([...en.keys()].sort())
    for (const [key, variables] of en)
      expect([key, [...ru.get(key)!].sort()]).toEqual([key, [...variables].sort()])
  })
})
