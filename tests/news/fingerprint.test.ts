import { describe, expect, it } from 'vitest'
import { contentHash, minHash, NEAR_DUPLICATE, SIGNATURE_SIZE, similarity } from '#root/news/fingerprint.js'
import { ENGLISH_BODY, RUSSIAN_BODY } from '../helpers/seeds.js'

describe('fingerprints', () => {
  it('should hash the same words the same way whatever the case, punctuation or whitespace', () => {
    expect(contentHash('One,  two.\n\nThree!')).toBe(contentHash('one two three'))
    expect(contentHash('one two three')).not.toBe(contentHash('one two four'))
  })

  it('should give a stable 64-value signature that fits PostgreSQL int4', () => {
    const signature = minHash(ENGLISH_BODY.join('\n\n'))
    expect(signature).toHaveLength(SIGNATURE_SIZE)
    expect(signature.every(v => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true)
    expect(minHash(ENGLISH_BODY.join('\n\n'))).toEqual(signature)
  })

  it('should find a lightly edited copy nearly the same, and a different article not', () => {
    const original = ENGLISH_BODY.join('\n\n')
    const edited = original.replace('Afghanistan will not be forgotten.', 'Afghanistan will never be forgotten.').replace('On Friday', 'Last Friday')
    expect(similarity(minHash(original), minHash(edited))).toBeGreaterThanOrEqual(NEAR_DUPLICATE)
    expect(similarity(minHash(original), minHash(RUSSIAN_BODY.join('\n\n')))).toBeLessThan(0.1)
  })
})
