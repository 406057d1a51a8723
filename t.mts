import { evaluate, loadEval } from './bench/summary-quality.js'
for (const [file, n] of [['summaries-en.jsonl', 3], ['summaries-en-xsum.jsonl', 1], ['summaries-ru.jsonl', 3], ['summaries-ru.jsonl', 1]] as const) {
  const rows = loadEval(file)
  for (const m of ['lead', 'ours']) { const r = await evaluate(rows, m, n); console.log(file, n, m, r.scores.r1.toFixed(2), r.scores.r2.toFixed(2), r.scores.rl.toFixed(2), r.words.toFixed(1), r.msPerDoc.toFixed(2)) }
}
