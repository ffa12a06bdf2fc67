import { describe, expect, it } from 'vitest'
import { microsoftOAuthValues, formValuesOf } from '@/lib/email-provider/form-values'
import { microsoftDeadlineWords, microsoftPasswordDeadline, signsInToMicrosoftWithPassword } from '@/lib/email-provider/microsoft-password-deadline'

const microsoftPassword = { preset: 'custom' as const, host: 'smtp.office365.com', authKind: 'password' as const }
const at = (iso: string) => new Date(iso)

describe('Microsoft 365 password sign-in deadline', () => {
  it.each([
    ['the Microsoft 365 preset with a password', { preset: 'microsoft365' as const, host: 'smtp.office365.com', authKind: 'password' as const }, true],
    [
      'Custom SMTP at smtp.office365.com, any case, trailing dot',
      { preset: 'custom' as const, host: 'SMTP.Office365.com.', authKind: 'password' as const },
      true,
    ],
    ['the legacy endpoint', { preset: 'custom' as const, host: 'smtp-legacy.office365.com', authKind: 'password' as const }, true],
    ['Microsoft 365 with OAuth 2.0', { preset: 'microsoft365' as const, host: 'smtp.office365.com', authKind: 'oauth_client_credentials' as const }, false],
    ['another server with a password', { preset: 'custom' as const, host: 'smtp.example.com', authKind: 'password' as const }, false],
  ])('applies to %s: %s', (_name, settings, expected) => {
    expect(signsInToMicrosoftWithPassword(settings)).toBe(expected)
  })

  it('counts the days left by the UTC calendar, and says so before and after the date', () => {
    expect(microsoftPasswordDeadline(microsoftPassword, at('2026-12-07T00:44:00Z'))).toEqual({ date: '2026-12-31', daysLeft: 24, isPast: false })
    expect(microsoftPasswordDeadline(microsoftPassword, at('2026-12-30T23:59:59Z'))?.daysLeft).toBe(1)
    expect(microsoftPasswordDeadline(microsoftPassword, at('2026-12-31T12:00:00Z'))).toEqual({ date: '2026-12-31', daysLeft: 0, isPast: false })
    expect(microsoftPasswordDeadline(microsoftPassword, at('2027-01-01T00:00:00Z'))).toEqual({ date: '2026-12-31', daysLeft: -1, isPast: true })
    expect(microsoftPasswordDeadline({ ...microsoftPassword, authKind: 'none' }, at('2026-12-07T00:00:00Z'))).toBeNull()
    expect(microsoftPasswordDeadline(null)).toBeNull()

    const before = microsoftDeadlineWords(microsoftPasswordDeadline(microsoftPassword, at('2026-12-07T08:00:00Z'))!)
    expect(before.title).toBe('Microsoft turns off password sign-in for SMTP on 31 December 2026: in 24 days')
    expect(microsoftDeadlineWords(microsoftPasswordDeadline(microsoftPassword, at('2026-12-30T08:00:00Z'))!).title).toMatch(/in 1 day$/)
    expect(microsoftDeadlineWords(microsoftPasswordDeadline(microsoftPassword, at('2026-12-31T08:00:00Z'))!).title).toMatch(/today$/)
    const after = microsoftDeadlineWords(microsoftPasswordDeadline(microsoftPassword, at('2027-03-01T08:00:00Z'))!)
    expect(after.title).toBe('Microsoft turned off password sign-in for SMTP on 31 December 2026')
    expect(after.text).toContain('can still turn password sign-in')
    expect(after.text).toContain('second half of 2027')
  })

  it('Switch to OAuth 2.0 keeps the server, port and mailbox and opens the Microsoft 365 OAuth fields', () => {
    const values = { ...formValuesOf(null, 3), host: 'smtp.office365.com', port: '587', username: 'mailer@contoso.com', password: 'typed' }
    const switched = { ...values, ...microsoftOAuthValues(values) }
    expect(switched).toMatchObject({
      preset: 'microsoft365',
      authKind: 'oauth_client_credentials',
      host: 'smtp.office365.com',
      port: '587',
      username: 'mailer@contoso.com',
      password: '',
      scope: 'https://outlook.office365.com/.default',
      version: 3,
    })
  })
})
