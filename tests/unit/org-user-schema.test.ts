import { describe, expect, it } from 'vitest'
import { ZLinkToken, ZOrgUserSignup, ZPasswordReset, ZRecoveryRequest } from '@/lib/org-users/schema'

describe('org user schemas', () => {
  it('normalises the email address (trim, lowercase)', () => {
    const parsed = ZOrgUserSignup.safeParse({ email: '  Alice@Example.COM ', password: 'x'.repeat(10) })
    expect(parsed.success && parsed.data.email).toBe('alice@example.com')
    expect(ZRecoveryRequest.parse({ email: 'Bob@Example.com' })).toEqual({ email: 'bob@example.com' })
  })

  it.each([
    [{ email: '', password: 'x'.repeat(10) }, 'email', 'Enter your email address'],
    [{ email: 'not-an-email', password: 'x'.repeat(10) }, 'email', 'Enter a valid email address, like name@company.com'],
    [{ email: 'a@example.com', password: 'x'.repeat(9) }, 'password', 'Use at least 10 characters'],
    [{ email: 'a@example.com', password: 'x'.repeat(129) }, 'password', 'Passwords are at most 128 characters'],
  ])('refuses %j with a message on the field', (input, field, message) => {
    const parsed = ZOrgUserSignup.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message)
  })

  it('accepts passwords of 10 to 128 characters for a reset', () => {
    expect(ZPasswordReset.safeParse({ password: 'x'.repeat(10) }).success).toBe(true)
    expect(ZPasswordReset.safeParse({ password: 'x'.repeat(128) }).success).toBe(true)
    expect(ZPasswordReset.safeParse({ password: 'x'.repeat(129) }).success).toBe(false)
  })

  it.each([undefined, null, 42, ['a'.repeat(43)], '', 'short', 'a'.repeat(129), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`])(
    'refuses %j as a link token without throwing',
    (token) => {
      expect(ZLinkToken.safeParse(token).success).toBe(false)
    },
  )

  it('refuses non-object input without throwing', () => {
    for (const input of [undefined, null, 'text', 42, [], { email: 42, password: {} }]) {
      expect(ZOrgUserSignup.safeParse(input).success).toBe(false)
      expect(ZRecoveryRequest.safeParse(input).success).toBe(false)
    }
  })
})
