// Which addresses an outbound fetch may connect to: public unicast only. An IPv6
// address that carries an IPv4 one (mapped, translated, NAT64, 6to4) is judged
// by the IPv4 address it leads to.
import ipaddr from 'ipaddr.js'

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3')
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96')

function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = address.toByteArray()
  return ipaddr.fromByteArray(bytes.slice(12, 16)) as ipaddr.IPv4
}

function v4Range(address: ipaddr.IPv4): string | undefined {
  const range = address.range()
  return range === 'unicast' ? undefined : range
}

function v6Range(address: ipaddr.IPv6): string | undefined {
  if (address.isIPv4MappedAddress())
    return v4Range(address.toIPv4Address())
  const range = address.range()
  switch (range) {
    case 'rfc6145':
      return v4Range(embeddedV4(address))
    case 'rfc6052':
      // only the well-known /96 prefix puts the IPv4 address in the last 32 bits
      return address.match(NAT64_WELL_KNOWN) ? v4Range(embeddedV4(address)) : range
    case '6to4': {
      const bytes = address.toByteArray()
      return v4Range(ipaddr.fromByteArray(bytes.slice(2, 6)) as ipaddr.IPv4)
    }
    case 'unicast':
      // outside 2000::/3 nothing is assigned (e.g. the deprecated IPv4-compatible ::a.b.c.d)
      return address.match(GLOBAL_UNICAST_V6) ? undefined : 'unassigned'
    default:
      return range
  }
}

/**
 * The name of the range `address` (an IP address as DNS or a URL gives it)
 * belongs to when fetches must not reach it, e.g. 'loopback', 'private',
 * 'linkLocal', 'carrierGradeNat', 'uniqueLocal'; undefined for a public address.
 */
export function forbiddenRange(address: string): string | undefined {
  if (!ipaddr.isValid(address))
    return 'invalid'
  const parsed = ipaddr.parse(address)
  return parsed.kind() === 'ipv4' ? v4Range(parsed as ipaddr.IPv4) : v6Range(parsed as ipaddr.IPv6)
}
