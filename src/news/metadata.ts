import { isValid, parse } from 'date-fns'

const MAX_TITLE = 100
const DATE_FORMATS = ['MMMM d, yyyy', 'MMM d, yyyy', 'd MMMM yyyy', 'yyyy-MM-dd']

/** A date stated on its own line, e.g. "September 7, 2024"; UTC midnight of that day. */
export function parseDateLine(line: string): Date | undefined {
  for (const format of DATE_FORMATS) {
    const date = parse(line, format, new Date(0))
    if (isValid(date))
      return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()))
  }
  return undefined
}

/** The page's headline: the longest header line of at least four words. */
export function findTitle(header: string[]): string | undefined {
  const candidates = header.filter(l => l.split(' ').length >= 4 && l.length <= 250 && parseDateLine(l) === undefined)
  return candidates.sort((a, b) => b.length - a.length)[0]
}

/** A headline made from the lead: at most 100 characters, cut at a word boundary. */
export function headlineFromLead(lead: string): string {
  const sentence = lead.split(/(?<=[.!?])\s/u)[0] ?? lead
  if (sentence.length <= MAX_TITLE)
    return sentence.replace(/[.]$/, '')
  const cut = sentence.slice(0, MAX_TITLE).replace(/\s+\S*$/u, '').replace(/[\s,;:–—-]+$/u, '')
  return `${cut}…`
}

/** A short line after the headline that names the publisher, e.g. "Zan News". */
export function findSource(header: string[], title: string | undefined): string | undefined {
  const after = title === undefined ? header : header.slice(header.indexOf(title) + 1)
  return after.find(l => /^\p{Lu}[\p{L}.&' -]{1,40}$/u.test(l) && l.split(' ').length <= 4 && parseDateLine(l) === undefined)
}

export function findDate(header: string[]): Date | undefined {
  for (const line of header) {
    const date = parseDateLine(line)
    if (date)
      return date
  }
  return undefined
}
