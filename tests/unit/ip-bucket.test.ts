import { describe, expect, it } from 'vitest'
import { clientNetwork, ipBucket } from '@/lib/server/net/ip-bucket'

describe('ipBucket', () => {
  it('keeps IPv4 addresses (also IPv4-mapped) per address', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7')
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(ipBucket('203.0.113.8')).not.toBe(ipBucket('203.0.113.7'))
  })

  it('buckets every address of one IPv6 /64 together, whatever its spelling', () => {
    const bucket = ipBucket('2001:db8:1:2::1')
    expect(bucket).toBe('2001:db8:1:2::/64')
    for (const address of ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:abcd::9', '2001:db8:1:2:0:0:0:1']) expect(ipBucket(address)).toBe(bucket)
  })

  it('keeps different /64s apart', () => {
    expect(ipBucket('2001:db8:1:3::1')).not.toBe(ipBucket('2001:db8:1:2::1'))
    expect(ipBucket('::1')).toBe('0:0:0:0::/64')
    expect(ipBucket('fe80::1')).toBe('fe80:0:0:0::/64')
  })

  it('leaves anything that is no address as it is (e.g. "unknown" without the start script)', () => {
    expect(ipBucket('unknown')).toBe('unknown')
  })
})

describe('clientNetwork', () => {
  it('names an IPv4 address by its /24 and an IPv6 address by its /64, never the address itself', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.0/24')
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.0/24')
    expect(clientNetwork('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64')
    expect(clientNetwork('unknown')).toBe('unknown')
    expect(clientNetwork('not an address')).toBe('unknown')
  })
})
