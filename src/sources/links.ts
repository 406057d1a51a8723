// Article links as stored and compared: absolute (resolved against the feed), no
// fragment, no tracking parameters, query sorted; the same story reached through
// two feeds with different campaign tags is one link.
import normalizeUrl from 'normalize-url'

const TRACKING = [/^utm_\w+/i, /^(?:fbclid|gclid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|at_medium|at_campaign)$/i]

/** The absolute, normalised http(s) form of `link` (relative links resolve against `base`), or undefined. */
export function normaliseLink(link: string | undefined, base?: string): string | undefined {
  if (!link?.trim())
    return undefined
  let url: URL
  try {
    url = new URL(link.trim(), base)
  }
  catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return undefined
  return normalizeUrl(url.href, {
    stripHash: true,
    stripWWW: false,
    removeTrailingSlash: false,
    removeSingleSlash: false,
    stripAuthentication: true,
    removeQueryParameters: TRACKING,
  })
}
