// The pages issue 9 found stalling the whole process, built at run time: an
// article inside 2,000 nested <div>s (22 kB), one 168 kB line of cookie notices
// (clean.ts's cookie pattern backtracks on it), and pages that are one 2 MB line.
import type { PageInput } from '#root/news/types.js'

export const DEEP_ARTICLE = [
  'The government of Kazakhstan approved a new programme on Friday to modernise the railway network between Almaty and Astana over the next five years.',
  'Officials said the programme would replace ageing tracks, add passing loops and cut the journey time for passenger trains by about two hours.',
]

const PROSE = 'The minister said on Friday that the new border crossing would open to trucks next month, and officials expect trade to grow. '
const COOKIE = 'We use cookie files to improve the site, and by reading on you agree to them. '

function line(sentences: string, bytes: number): string {
  return sentences.repeat(Math.ceil(bytes / sentences.length)).slice(0, bytes)
}

export function hostilePages(): Record<string, PageInput> {
  const paragraphs = DEEP_ARTICLE.map(p => `<p>${p}</p>`).join('')
  return {
    'article in 2,000 nested divs': {
      html: `<!doctype html><html><head><title>Railway programme</title></head><body>${'<div>'.repeat(2000)}${paragraphs}${'</div>'.repeat(2000)}</body></html>`,
      url: 'https://news.example/railway',
    },
    'one 168 kB line with cookie notices (text)': { text: line(PROSE + COOKIE, 168_000) },
    'one 2 MB line of prose (HTML)': {
      html: `<!doctype html><html><head><title>Border crossing</title></head><body><article><p>${line(PROSE, 2_000_000)}</p></article></body></html>`,
      url: 'https://news.example/border',
    },
    'one 2 MB line with cookie notices (text)': { text: line(PROSE + COOKIE, 2_000_000) },
  }
}

/**
 * A page within every structural limit that still keeps Readability busy for
 * ~0.5-1 s: 80 chains of 60 nested divs (4,800 elements). For budget tests.
 */
export function slowPage(): PageInput {
  const chain = `${'<div>'.repeat(60)}<p>${PROSE}</p>${'</div>'.repeat(60)}`
  return { html: `<!doctype html><html><body>${chain.repeat(80)}</body></html>` }
}
