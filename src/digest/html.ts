// Telegram's HTML parse mode: escaping, and the text a reader sees (what the
// 4096-character limit counts).

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The visible text of Telegram HTML: tags dropped, entities decoded; links keep their address in brackets when asked. */
export function htmlToPlain(html: string, options: { keepLinks?: boolean } = {}): string {
  return html
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (_, href: string, label: string) => options.keepLinks ? `${label} (${href})` : label)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
}
