// ROUGE-1/2/L F1 with Unicode-aware tokens (Cyrillic counts): lower-cased runs of
// letters and digits, no stemming. ROUGE-L is over the whole text (not Lsum).
// The same tokenisation scores every method.

export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

function f1(overlap: number, candidate: number, reference: number): number {
  if (overlap === 0 || candidate === 0 || reference === 0)
    return 0
  const p = overlap / candidate
  const r = overlap / reference
  return (2 * p * r) / (p + r)
}

export function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngrams(candidate, n)
  const r = ngrams(reference, n)
  let overlap = 0
  for (const [key, count] of c)
    overlap += Math.min(count, r.get(key) ?? 0)
  return f1(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0))
}

export function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0)
    for (let j = 1; j <= b.length; j++)
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!)
    prev = row
  }
  return prev[b.length]!
}

export function rougeL(candidate: string[], reference: string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length)
}

export interface RougeScores { r1: number, r2: number, rl: number }

export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate)
  const r = rougeTokens(reference)
  return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeL(c, r) }
}
