import { describe, expect, it } from 'vitest'
import { clientAddress } from '../../scripts/client-address.mjs'

describe('clientAddress', () => {
  it('uses the socket peer when no proxy is trusted, whatever the client claims', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.2', 0)).toBe('198.51.100.2')
    expect(clientAddress(undefined, '198.51.100.2', 0)).toBe('198.51.100.2')
  })

  it('takes the hop the trusted proxy appended, not the ones the client wrote', () => {
    // client forged "1.1.1.1", the proxy appended the real peer 203.0.113.7, the proxy itself is the socket peer
    expect(clientAddress('1.1.1.1, 203.0.113.7', '10.0.0.5', 1)).toBe('203.0.113.7')
    expect(clientAddress(['1.1.1.1', '203.0.113.7, 10.0.0.9'], '10.0.0.5', 2)).toBe('203.0.113.7')
  })

  it('falls back to the first hop when fewer hops arrive than are trusted', () => {
    expect(clientAddress('', '10.0.0.5', 3)).toBe('10.0.0.5')
  })
})
