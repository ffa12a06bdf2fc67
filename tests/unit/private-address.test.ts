import { describe, expect, it } from 'vitest'
import { classifyAddress, parseHostLiteral } from '@/lib/server/net/private-address'

describe('parseHostLiteral', () => {
  it.each([
    ['smtp.example.com', { kind: 'name', name: 'smtp.example.com' }],
    ['  SMTP.Example.COM. ', { kind: 'name', name: 'smtp.example.com' }],
    ['bücher.example', { kind: 'name', name: 'xn--bcher-kva.example' }],
    ['203.0.113.10', { kind: 'ip', address: '203.0.113.10' }],
    ['[2001:db8::1]', { kind: 'ip', address: '2001:db8::1' }],
    ['2001:DB8:0:0::1', { kind: 'ip', address: '2001:db8::1' }],
  ])('%s', (input, expected) => {
    expect(parseHostLiteral(input)).toEqual(expected)
  })

  it.each([
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['0x7f.0.0.1', '127.0.0.1'],
    ['010.0.0.1', '8.0.0.1'],
    ['3232235521', '192.168.0.1'],
  ])('flags the numeric disguise %s (= %s)', (input, meant) => {
    expect(parseHostLiteral(input)).toEqual({ kind: 'non-canonical', input, meant })
  })

  it.each(['256.1.1.1', '1.2.3.4.5', '08.0.0.1', 'example.123'])('flags %s as a numeric host that is no valid address', (input) => {
    expect(parseHostLiteral(input)).toMatchObject({ kind: 'non-canonical', meant: null })
  })

  it.each(['', 'smtp example.com', 'http://smtp.example.com', 'smtp.example.com:587', '[::1', 'fe80::1%eth0', '-bad.example', 'a..b', 'x'.repeat(64) + '.com'])(
    'rejects %j',
    (input) => {
      expect(parseHostLiteral(input).kind).toBe('invalid')
    },
  )
})

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['2a00:1450:4001:80b::201a', 'public'],
    ['64:ff9b::808:808', 'public'],
    ['127.0.0.1', 'internal'],
    ['127.255.255.254', 'internal'],
    ['10.0.0.1', 'internal'],
    ['172.16.5.4', 'internal'],
    ['192.168.1.1', 'internal'],
    ['169.254.169.254', 'internal'],
    ['100.64.0.1', 'internal'],
    ['0.0.0.0', 'internal'],
    ['::', 'internal'],
    ['::1', 'internal'],
    ['::7f00:1', 'internal'],
    ['fe80::1', 'internal'],
    ['fc00::1', 'internal'],
    ['fd00:ec2::254', 'internal'],
    ['fec0::1', 'internal'],
    ['::ffff:127.0.0.1', 'internal'],
    ['::ffff:a9fe:a9fe', 'internal'],
    ['::ffff:10.0.0.1', 'internal'],
    ['64:ff9b::a00:1', 'internal'],
    ['64:ff9b:1::a00:1', 'internal'],
    ['2002:7f00:1::', 'internal'],
    ['2002:c0a8:101::1', 'internal'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['ff02::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:224.0.0.1', 'reserved'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address).class).toBe(expected)
  })

  it('names the range, including the one inside an IPv4-mapped address', () => {
    expect(classifyAddress('169.254.169.254')).toEqual({ address: '169.254.169.254', class: 'internal', range: 'linkLocal' })
    expect(classifyAddress('::ffff:127.0.0.1')).toEqual({ address: '::ffff:7f00:1', class: 'internal', range: 'ipv4Mapped of loopback' })
  })
})
