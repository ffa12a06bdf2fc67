import { describe, expect, it } from 'vitest'
import { orgDisplayName } from '@/lib/org-users/display-name'

describe('orgDisplayName', () => {
  it("prefers the custom provider's Display Name", () => {
    expect(orgDisplayName('Globex', 'Globex Accounts')).toBe('Globex Accounts')
  })

  it.each([null, undefined, '', '   '])('falls back to the organization name when the Display Name is %j', (displayName) => {
    expect(orgDisplayName('Globex', displayName)).toBe('Globex')
  })

  it('trims the Display Name', () => {
    expect(orgDisplayName('Globex', '  Globex Accounts ')).toBe('Globex Accounts')
  })
})
