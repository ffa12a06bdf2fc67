import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ZLinkToken } from '@/lib/org-users/schema'
import { hashToken, issueToken, TOKEN_TTL_MS } from '@/lib/org-users/server/tokens'

describe('org user link tokens', () => {
  it('are 32 random bytes in base64url, accepted by the link schema', () => {
    const { token } = issueToken('verify')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(ZLinkToken.safeParse(token).success).toBe(true)
    expect(issueToken('verify').token).not.toBe(token)
  })

  it('are stored as their SHA-256 only', () => {
    const { token, tokenHash } = issueToken('reset')
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(hashToken(token)).toBe(tokenHash)
    expect(tokenHash).not.toContain(token)
  })

  it('expire after 24 hours (verification) and 1 hour (recovery)', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(TOKEN_TTL_MS).toEqual({ verify: 24 * 3_600_000, reset: 3_600_000 })
    expect(issueToken('verify', now).expiresAt.toISOString()).toBe('2026-01-02T00:00:00.000Z')
    expect(issueToken('reset', now).expiresAt.toISOString()).toBe('2026-01-01T01:00:00.000Z')
  })
})
