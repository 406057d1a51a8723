// Feed bytes to text: the charset the HTTP header names, else a byte-order mark,
// else the XML prolog's encoding (windows-1251 and koi8-r are common in Russian
// feeds), else UTF-8. An unknown charset name falls back to UTF-8.
const PROLOG_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF)
    return 'utf-8'
  if (bytes[0] === 0xFE && bytes[1] === 0xFF)
    return 'utf-16be'
  if (bytes[0] === 0xFF && bytes[1] === 0xFE)
    return 'utf-16le'
  return undefined
}

/** The encoding the XML prolog declares, read from the first bytes as ASCII. */
export function prologCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1').replace(/^\s+/, '')
  return PROLOG_ENCODING.exec(head)?.[1]
}

export function decodeFeed(bytes: Uint8Array, headerCharset?: string): string {
  const charset = headerCharset ?? bomCharset(bytes) ?? prologCharset(bytes) ?? 'utf-8'
  try {
    // TextDecoder drops a BOM of its own encoding
    return new TextDecoder(charset).decode(bytes)
  }
  catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}
