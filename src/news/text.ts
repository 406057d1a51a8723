// Text primitives shared by every pipeline step (and by the ROUGE benchmark), so
// that all methods see the same words and sentences.

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

/** Words as written: letters and digits, keeping inner apostrophes, dots and hyphens (U.S., don't, Мазари-Шариф). */
export function words(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Lower-cased words, for matching and statistics. */
export function tokens(text: string): string[] {
  return words(text.toLowerCase())
}

// A sentence ends at . ! ? … (and closing quotes or brackets after them) followed by
// space and a capital, a digit or an opening quote; not after initials or short
// abbreviations such as "U.S.", "A. Smith", "Mr.", "т.е.", "г.".
const ABBREVIATION = /(?:^|[\s(«"“])(?:\p{Lu}|\p{Lu}\.\p{Lu}|Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|Inc|Ltd|Co|No|vs|etc|т\.е|т\.к|т\.д|т\.п|г|гг|им|ул|руб|млн|млрд|тыс|ст|проф|акад)\.$/u
// (starting at the first of a run of stops, so that "......" costs linear time)
const BREAK = /(?<![.!?…])[.!?…]+['"»”’)\]]*\s+(?=[\p{Lu}\p{N}"«“‘'(])/gu
/** an abbreviation and its stop are at most this long: look no further back */
const ABBREVIATION_SPAN = 8

// Scraped text often runs a photo caption into the next sentence with no stop
// between them ("...than a colleague The cost of divorce..."): a lower-case word
// followed by a capitalised function word and a lower-case word is a boundary.
const RUN_ON = /(?<=[\p{Ll}\d%])\s+(?=(?:The|A|An|He|She|It|They|We|His|Her|Their|Its|But|In|On|At|This|That|These|Those|There|When|After|Police|Officials|Он|Она|Они|Это|В|На|По|После|Однако|Но)\s\p{Ll})/gu

export function splitSentences(text: string): string[] {
  return splitAtStops(text).flatMap(sentence => sentence.split(RUN_ON)).map(s => s.trim()).filter(Boolean)
}

function splitAtStops(text: string): string[] {
  const sentences: string[] = []
  let start = 0
  for (const match of text.matchAll(BREAK)) {
    const end = match.index + match[0].trimEnd().length
    const candidate = text.slice(start, end)
    // only the candidate's end can hold an abbreviation (with one character before it)
    if (ABBREVIATION.test(candidate.length > ABBREVIATION_SPAN ? candidate.slice(-ABBREVIATION_SPAN) : candidate))
      continue
    sentences.push(candidate.trim())
    start = match.index + match[0].length
  }
  const rest = text.slice(start).trim()
  if (rest)
    sentences.push(rest)
  return sentences.filter(s => s.length > 0)
}

/** Shares of letters by script: how much of a text is Latin, Cyrillic or something else. */
const LETTER = /\p{L}/u
const LATIN = /\p{Script=Latin}/u

export function scriptShares(text: string): { latin: number, cyrillic: number, other: number } {
  let latin = 0
  let cyrillic = 0
  let other = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // fast paths for ASCII and the Cyrillic block; the rest asks Unicode
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122))
        latin++
    }
    else if (code >= 0x400 && code <= 0x52F) {
      cyrillic++
    }
    else {
      const ch = text[i]!
      if (LATIN.test(ch))
        latin++
      else if (LETTER.test(ch))
        other++
    }
  }
  const letters = latin + cyrillic + other
  if (letters === 0)
    return { latin: 0, cyrillic: 0, other: 0 }
  return { latin: latin / letters, cyrillic: cyrillic / letters, other: other / letters }
}

// A dateline before the lead's first dash names the newsroom's city and agency,
// not what the article is about: "NUR-SULTAN. KAZINFORM –", "Москва. 16 февраля.
// INTERFAX.RU -", "Prague, 29 December 2005 (RFE/RL) --", "Ташкент, 21.10.2024. /Дунё/. —".
const DATELINE = /^(.{2,80}?)\s(?:--|[–—-])\s/u
// or ended by a full stop: "DUSHANBE, Tajikistan, February 14. The President..."
const DATELINE_SENTENCE = /^(.{2,60}?)\.\s+(?=\p{Lu})/u
const CAPS_WORD = /^[\p{Lu}\p{N}][\p{Lu}\p{N}./-]{2,}$/u
const MONTH = /^(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|г|года)$/u

/** The paragraph without a dateline at its start (only names, figures and month names, with capitals or a figure among them). */
export function withoutDateline(paragraph: string): string {
  const start = paragraph.slice(0, 100)
  for (const match of [DATELINE.exec(start), DATELINE_SENTENCE.exec(start)]) {
    const prefix = match ? words(match[1]!) : []
    if (prefix.length > 0 && prefix.every(w => /^[\p{Lu}\p{N}]/u.test(w) || MONTH.test(w)) && prefix.some(w => CAPS_WORD.test(w) || /\d/u.test(w)))
      return paragraph.slice(match![0].length)
  }
  return paragraph
}

// Words that must not end a cut text ("встретился в Кабуле с…", "a line that will…").
const DANGLING = /\s+(?:a|an|the|and|or|of|to|in|on|at|by|for|with|from|as|that|which|who|whose|where|when|will|would|can|could|shall|should|may|must|is|are|was|were|be|been|has|have|had|not|its|his|her|their|this|these|those|и|в|во|с|со|к|ко|о|об|на|по|за|из|от|до|для|что|а|но|у|не|как|где|когда|который|которая|которое|которые|которых|будет|будут|был|была|были|его|ее|её|их|этот|эта|эти)$/iu

/** Cuts text to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max)
    return text
  let cut = text.slice(0, max - 1).replace(/\s+\S*$/u, '')
  while (DANGLING.test(cut))
    cut = cut.replace(DANGLING, '')
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`
}
