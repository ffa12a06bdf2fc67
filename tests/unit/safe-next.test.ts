import { describe, expect, it } from 'vitest'
import { safeNextPath } from '@/lib/auth/safe-next'

describe('safeNextPath', () => {
  it.each(['/orgs/acme', '/orgs/acme/settings/email-provider?tab=1'])('keeps same-origin path %j', (path) => {
    expect(safeNextPath(path)).toBe(path)
  })

  it.each(['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/orgs/..//evil.example', null, 42, '/x'.repeat(2000)])(
    'refuses %j',
    (path) => {
      expect(safeNextPath(path)).toBeNull()
    },
  )
})
