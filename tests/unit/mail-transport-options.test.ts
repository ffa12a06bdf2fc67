import { describe, expect, it } from 'vitest'
import { hasCredentials, SMTP_TIMEOUTS, smtpOptionsFor } from '@/lib/mail/server/transport'
import type { TResolvedSecurity, TSmtpSettings } from '@/lib/mail/types'
import type { TResolvedHost } from '@/lib/server/net/resolve-smtp-host'

const byName: TResolvedHost = { host: 'smtp.example.com', servername: 'smtp.example.com', address: '203.0.114.7', family: 4 }
const TLS: TResolvedSecurity = { mode: 'tls', isDetected: false }
const STARTTLS: TResolvedSecurity = { mode: 'starttls', isDetected: false }
const NONE: TResolvedSecurity = { mode: 'none', isDetected: false }

function settings(overrides: Partial<TSmtpSettings> = {}): TSmtpSettings {
  return { host: 'smtp.example.com', port: 587, security: 'auto', auth: { kind: 'password', username: 'apikey', password: 'secret' }, ...overrides }
}

describe('smtpOptionsFor', () => {
  it('TLS from the first byte', () => {
    const options = smtpOptionsFor(settings({ port: 465 }), byName, TLS)
    expect(options).toMatchObject({ port: 465, secure: true, requireTLS: false, ignoreTLS: false })
  })

  it('TLS detected on another port (Amazon SES 2465): TLS from the first byte there too', () => {
    const options = smtpOptionsFor(settings({ port: 2465 }), byName, { mode: 'tls', isDetected: true })
    expect(options).toMatchObject({ port: 2465, secure: true, requireTLS: false })
  })

  it('STARTTLS is required, with a password', () => {
    const options = smtpOptionsFor(settings(), byName, STARTTLS)
    expect(options).toMatchObject({
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      opportunisticTLS: false,
      auth: { user: 'apikey', pass: 'secret' },
    })
  })

  it('STARTTLS is required without credentials too, and no AUTH is attempted', () => {
    const options = smtpOptionsFor(settings({ port: 25, auth: { kind: 'none' } }), byName, STARTTLS)
    expect(options).toMatchObject({ secure: false, requireTLS: true, ignoreTLS: false })
    expect(options.auth).toBeUndefined()
  })

  it('none: plain text without STARTTLS, only without a sign-in', () => {
    const options = smtpOptionsFor(settings({ port: 25, security: 'none', auth: { kind: 'none' } }), byName, NONE)
    expect(options).toMatchObject({ secure: false, requireTLS: false, ignoreTLS: true })
    expect(options.auth).toBeUndefined()
    expect(() => smtpOptionsFor(settings({ port: 25, security: 'none' }), byName, NONE)).toThrow(/never sent unencrypted/)
  })

  it('OAuth 2.0: XOAUTH2 through a provision callback, no password and no token in the options', () => {
    const options = smtpOptionsFor(
      settings({
        auth: {
          kind: 'oauth2',
          username: 'mailer@example.com',
          tokenCacheKey: 'org-1',
          tokenRequest: { kind: 'client-credentials', tokenUrl: 'https://login.example.com/t/token', clientId: 'app', clientSecret: 'cs-123', scope: 's' },
        },
      }),
      byName,
      STARTTLS,
    )
    expect(options.auth).toMatchObject({ type: 'OAuth2', user: 'mailer@example.com', provisionCallback: expect.any(Function) })
    expect(JSON.stringify(options)).not.toContain('cs-123')
  })

  it('dials the checked address and verifies the certificate against the host name', () => {
    const options = smtpOptionsFor(settings({ host: 'SMTP.example.com' }), byName, STARTTLS)
    expect(options.host).toBe('203.0.114.7')
    expect(options.tls).toEqual({ servername: 'smtp.example.com', rejectUnauthorized: true })
    expect(options.tls).not.toHaveProperty('ca')
  })

  it('an IP literal is verified against its own IP (no SNI name)', () => {
    const options = smtpOptionsFor(settings({ host: '203.0.114.7' }), { host: '203.0.114.7', servername: null, address: '203.0.114.7', family: 4 }, STARTTLS)
    expect(options.tls).toEqual({ rejectUnauthorized: true })
  })

  it('sets short explicit timeouts, shortened further only by tuning', () => {
    const options = smtpOptionsFor(settings(), byName, STARTTLS)
    expect(options).toMatchObject(SMTP_TIMEOUTS)
    expect(Math.max(options.connectionTimeout ?? Infinity, options.greetingTimeout ?? Infinity, options.dnsTimeout ?? Infinity)).toBeLessThanOrEqual(10_000)
    expect(smtpOptionsFor(settings(), byName, STARTTLS, { timeouts: { greetingTimeout: 500 } }).greetingTimeout).toBe(500)
  })

  it('a password or OAuth 2.0 sign-in means credentials', () => {
    expect(hasCredentials(settings())).toBe(true)
    expect(hasCredentials(settings({ auth: { kind: 'none' } }))).toBe(false)
  })
})
