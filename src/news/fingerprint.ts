// Exact duplicates: a hash of the normalised body. Near duplicates: a MinHash
// signature of word 3-shingles, whose agreement estimates Jaccard similarity.
import { createHash } from 'node:crypto'
import { tokens } from '#root/news/text.js'

export const SIGNATURE_SIZE = 64
export const NEAR_DUPLICATE = 0.8
const SHINGLE = 3

/** sha256 of the body with case, punctuation and whitespace normalised away (pass its tokens if you have them). */
export function contentHash(body: string, bodyTokens = tokens(body)): string {
  return createHash('sha256').update(bodyTokens.join(' ')).digest('hex')
}

function fnv1a(text: string): number {
  let hash = 0x811C9DC5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

// Deterministic multiply-add hash functions (odd multipliers), so signatures
// stay comparable across runs and processes.
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fnv1a(`minhash-a-${i}`) | 1)
const OFFSETS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fnv1a(`minhash-b-${i}`))

/** MinHash signature (signed 32-bit values, as PostgreSQL int4 stores them). */
export function minHash(body: string, bodyTokens = tokens(body)): number[] {
  const words = bodyTokens
  const shingles = new Set<number>()
  for (let i = 0; i + SHINGLE <= Math.max(words.length, SHINGLE); i++)
    shingles.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')))
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xFFFFFFFF)
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = (Math.imul(MULTIPLIERS[k]!, shingle) + OFFSETS[k]!) >>> 0
      if (h < signature[k]!)
        signature[k] = h
    }
  }
  return Array.from(signature, h => h | 0)
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0)
    return 0
  let same = 0
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i])
      same++
  }
  return same / a.length
}
