import 'server-only'
import { domainToASCII } from 'node:url'
import ipaddr from 'ipaddr.js'

// Pure address rules for the SSRF guard: what a host string means, and whether an IP may be dialled.

export type TAddressClass = 'public' | 'internal' | 'reserved'

/** What an SMTP host string denotes once normalised. */
export type THostLiteral =
  | { kind: 'name'; name: string }
  | { kind: 'ip'; address: string }
  | { kind: 'non-canonical'; input: string; meant: string | null }
  | { kind: 'invalid'; input: string }

// Ranges that lead into the machine or the operator's own networks.
const INTERNAL_RANGES = new Set([
  'unspecified',
  'loopback',
  'private',
  'linkLocal',
  'carrierGradeNat',
  'uniqueLocal',
  'deprecatedSiteLocal',
  // NAT64 local-use prefix (64:ff9b:1::/48): translated into the operator's own IPv4 space
  'rfc6052',
])

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/
// WHATWG URL rule: a host whose last label is a number is an IPv4 address in some spelling.
const NUMERIC_LABEL = /^(0x[0-9a-f]*|[0-9]+)$/i

/** Normalises a host as typed (case, brackets, trailing dot, IDN) and tells a name from an IP literal. */
export function parseHostLiteral(raw: string): THostLiteral {
  const input = raw.trim()
  const bare = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input
  if (bare.includes(':')) {
    // zone ids (fe80::1%eth0) only make sense on the local link
    if (bare.includes('%') || !ipaddr.IPv6.isValid(bare)) return { kind: 'invalid', input }
    return { kind: 'ip', address: ipaddr.IPv6.parse(bare).toString() }
  }
  const host = bare.toLowerCase().replace(/\.$/, '')
  const lastLabel = host.slice(host.lastIndexOf('.') + 1)
  if (NUMERIC_LABEL.test(lastLabel)) {
    if (ipaddr.IPv4.isValidFourPartDecimal(host)) return { kind: 'ip', address: ipaddr.IPv4.parse(host).toString() }
    // resolvers (inet_aton) read 2130706433, 0x7f000001 or 0177.0.0.1 as 127.0.0.1: refuse the disguise
    return { kind: 'non-canonical', input, meant: ipaddr.IPv4.isValid(host) ? ipaddr.IPv4.parse(host).toString() : null }
  }
  const name = domainToASCII(host)
  if (!name || name.length > 253 || !name.split('.').every((label) => LABEL.test(label))) return { kind: 'invalid', input }
  return { kind: 'name', name }
}

// Cloud instance metadata lives on the link-local ranges (169.254.169.254 on every major cloud) and at AWS's IPv6 fd00:ec2::254.
const METADATA_ADDRESSES = new Set(['fd00:ec2::254'])

/** Whether dialling this address could reach a cloud metadata service: refused even where private hosts are allowed. */
export function isMetadataAddress(ip: string): boolean {
  const verdict = classifyAddress(ip)
  return verdict.range.endsWith('linkLocal') || METADATA_ADDRESSES.has(verdict.address)
}

/** Classifies an IP address (any spelling ipaddr.js accepts): public, internal (loopback, RFC 1918, link-local…) or reserved. */
export function classifyAddress(ip: string): { address: string; class: TAddressClass; range: string } {
  const parsed = ipaddr.parse(ip)
  const embedded = embeddedIPv4(parsed)
  if (embedded) {
    const inner = classifyAddress(embedded.toString())
    return { ...inner, address: parsed.toString(), range: `${parsed.range()} of ${inner.range}` }
  }
  const range = parsed.range()
  const verdict: TAddressClass = range === 'unicast' ? 'public' : INTERNAL_RANGES.has(range) ? 'internal' : 'reserved'
  return { address: parsed.toString(), class: verdict, range }
}

// IPv6 forms that carry an IPv4 address a gateway would forward to: judge them by that address.
function embeddedIPv4(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | null {
  if (address.kind() !== 'ipv6') return null
  const v6 = address as ipaddr.IPv6
  const [, p1, p2, p3, p4, p5, p6, p7] = v6.parts
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff])
  switch (v6.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return fromWords(p6, p7)
    case '6to4':
      return fromWords(p1, p2)
    case 'rfc6052':
      // only the well-known 64:ff9b::/96 prefix embeds a global IPv4 address in its last 32 bits
      return p1 === 0xff9b && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0 ? fromWords(p6, p7) : null
    default:
      // deprecated IPv4-compatible form ::a.b.c.d (ipaddr.js calls it unicast)
      return v6.parts.slice(0, 6).every((part) => part === 0) && (p6 !== 0 || p7 > 1) ? fromWords(p6, p7) : null
  }
}
