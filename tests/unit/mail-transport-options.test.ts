import { describe, expect, it } from 'vitest'
import { hasCredentials, SMTP_TIMEOUTS, smtpOptionsFor } from '@/lib/mail/server/transport'
import type { TResolvedHost } from '@/lib/server/net/resolve-smtp-host'

const byName: TResolvedHost = { host: 'smtp.example.com', servername: 'smtp.example.com', address: '203.0.114.7', family: 4 }
const credentials = { username: 'apikey', password: 'secret' }

describe('smtpOptionsFor', () => {
  it('port 465: TLS from the first byte', () => {
    const options = smtpOptionsFor({ host: 'smtp.example.com', port: 465, ...credentials }, byName)
    expect(options).toMatchObject({ port: 465, secure: true, requireTLS: false })
  })

  it('other ports with credentials: STARTTLS is required', () => {
    const options = smtpOptionsFor({ host: 'smtp.example.com', port: 587, ...credentials }, byName)
    expect(options).toMatchObject({
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      opportunisticTLS: false,
      auth: { user: 'apikey', pass: 'secret' },
    })
  })

  it('other ports without credentials: STARTTLS when offered, no AUTH', () => {
    const options = smtpOptionsFor({ host: 'smtp.example.com', port: 25, username: null, password: null }, byName)
    expect(options).toMatchObject({ secure: false, requireTLS: false, ignoreTLS: false })
    expect(options.auth).toBeUndefined()
  })

  it('dials the checked address and verifies the certificate against the host name', () => {
    const options = smtpOptionsFor({ host: 'SMTP.example.com', port: 587 }, byName)
    expect(options.host).toBe('203.0.114.7')
    expect(options.tls).toEqual({ servername: 'smtp.example.com', rejectUnauthorized: true })
    expect(options.tls).not.toHaveProperty('ca')
  })

  it('an IP literal is verified against its own IP (no SNI name)', () => {
    const options = smtpOptionsFor({ host: '203.0.114.7', port: 587 }, { host: '203.0.114.7', servername: null, address: '203.0.114.7', family: 4 })
    expect(options.tls).toEqual({ rejectUnauthorized: true })
  })

  it('sets short explicit timeouts, shortened further only by tuning', () => {
    const options = smtpOptionsFor({ host: 'smtp.example.com', port: 587 }, byName)
    expect(options).toMatchObject(SMTP_TIMEOUTS)
    expect(Math.max(options.connectionTimeout ?? Infinity, options.greetingTimeout ?? Infinity, options.dnsTimeout ?? Infinity)).toBeLessThanOrEqual(10_000)
    expect(smtpOptionsFor({ host: 'x.example', port: 587 }, byName, { timeouts: { greetingTimeout: 500 } }).greetingTimeout).toBe(500)
  })

  it('a username means credentials, even without a password (nodemailer then asks for it)', () => {
    expect(hasCredentials({ host: 'h', port: 587, username: 'user' })).toBe(true)
    expect(hasCredentials({ host: 'h', port: 587, username: '', password: 'x' })).toBe(false)
  })
})
