import { isIP } from 'node:net'

// One IPv6 client usually owns a whole /64 (SLAAC, privacy addresses): counted per address it could spread its
// attempts over 2^64 rate-limit buckets. IPv4 (also written IPv4-mapped, ::ffff:a.b.c.d) stays per address.

/** The rate-limit bucket of a client address: the address itself for IPv4, its /64 prefix for IPv6. */
export function ipBucket(address: string): string {
  const trimmed = address.trim().toLowerCase()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(trimmed)
  if (mapped) return mapped[1]!
  if (isIP(trimmed) !== 6) return trimmed
  return `${expandIpv6(trimmed).slice(0, 4).join(':')}::/64`
}

// Eight hextets without leading zeros (an embedded IPv4 tail only affects the last 32 bits, outside the /64).
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return groups.map((group) => (group.includes('.') ? group : (parseInt(group, 16) || 0).toString(16)))
}

/**
 * The network a client address belongs to, as a range: an IPv4 address's /24, an IPv6 address's /64. Named to owners
 * instead of the precise address, and the unit of the per-address limits' "one network".
 */
export function clientNetwork(address: string): string {
  const bucket = ipBucket(address)
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(bucket)
  if (ipv4) return `${ipv4[1]}.${ipv4[2]}.${ipv4[3]}.0/24`
  return bucket.endsWith('::/64') ? bucket : 'unknown'
}
