import { describe, expect, it } from 'vitest'
import { safeOrgNextPath } from '@/lib/org-users/safe-next'

describe('safeOrgNextPath', () => {
  it.each(['/t/acme/account', '/t/acme/account?tab=1#top'])('keeps a path inside the organization’s pages: %j', (path) => {
    expect(safeOrgNextPath('acme', path)).toBe(path)
  })

  it.each([
    '/t/acme',
    '/t/acme2/account',
    '/t/other/account',
    '/t/acme/../other/account',
    '/t/acme/%2e%2e/%2e%2e/orgs/x',
    '/orgs/acme',
    '//evil.example/t/acme/account',
    'https://evil.example/t/acme/account',
    '/\\evil.example',
    'javascript:alert(1)',
    null,
    42,
  ])('refuses %j', (path) => {
    expect(safeOrgNextPath('acme', path)).toBeNull()
  })
})
