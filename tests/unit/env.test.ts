import { describe, expect, it } from 'vitest'
import { parseEnv } from '@/lib/env'

const key = Buffer.alloc(32, 7).toString('base64')

describe('parseEnv', () => {
  it('works with nothing set (a fresh machine)', () => {
    const env = parseEnv({})
    expect(env.PORT).toBe(3000)
    expect(env.APP_URL).toBe('http://localhost:3000')
    expect(env.SMTP_ALLOW_PRIVATE_HOSTS).toBe(false)
    expect(env.DATABASE_URL).toBeUndefined()
  })

  it('derives APP_URL from PORT and trims a trailing slash', () => {
    expect(parseEnv({ PORT: '8080' }).APP_URL).toBe('http://localhost:8080')
    expect(parseEnv({ APP_URL: 'https://console.example.com/' }).APP_URL).toBe('https://console.example.com')
  })

  it('names every bad value with a fix', () => {
    const attempt = () =>
      parseEnv({
        PORT: '0',
        APP_URL: 'ftp://x',
        ENCRYPTION_KEY: 'short',
        DEFAULT_SMTP_URL: 'http://mail',
        SMTP_ALLOW_PRIVATE_HOSTS: 'yes',
        DEFAULT_MAIL_FROM: 'Console',
      })
    expect(attempt).toThrow(/PORT: must be a whole number from 1 to 65535/)
    expect(attempt).toThrow(/APP_URL: must be an http\(s\) URL/)
    expect(attempt).toThrow(/ENCRYPTION_KEY: must be 32 random bytes/)
    expect(attempt).toThrow(/DEFAULT_SMTP_URL: must look like smtp:\/\//)
    expect(attempt).toThrow(/SMTP_ALLOW_PRIVATE_HOSTS: must be true or false/)
    expect(attempt).toThrow(/DEFAULT_MAIL_FROM: must be an address/)
  })

  it('gives the delivery worker its defaults, and keeps the send deadline well below the lease', () => {
    const env = parseEnv({})
    expect([env.OUTBOX_SEND_DEADLINE_MS, env.OUTBOX_ALERT_AFTER_MS, env.OUTBOX_FALLBACK_AFTER_MS, env.OUTBOX_RETENTION_DAYS]).toEqual([
      60_000, 300_000, 600_000, 30,
    ])
    expect(() => parseEnv({ OUTBOX_LEASE_MS: '60000' })).toThrow(/OUTBOX_SEND_DEADLINE_MS: must be at most half of OUTBOX_LEASE_MS/)
    expect(() => parseEnv({ OUTBOX_RETENTION_DAYS: '0' })).toThrow(/OUTBOX_RETENTION_DAYS: must be a whole number from 1 to 3650/)
  })

  it('requires ENCRYPTION_KEY with PostgreSQL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://db/app', MAIL_CAPTURE: 'true' })).toThrow(/ENCRYPTION_KEY: is required with DATABASE_URL/)
    expect(parseEnv({ DATABASE_URL: 'postgresql://db/app', ENCRYPTION_KEY: key, MAIL_CAPTURE: 'true' }).ENCRYPTION_KEY).toBe(key)
  })

  it('refuses, with DATABASE_URL, an http APP_URL that is not loopback and capture mode unless MAIL_CAPTURE=true', () => {
    const deployment = { DATABASE_URL: 'postgresql://db/app', ENCRYPTION_KEY: key, DEFAULT_SMTP_URL: 'smtp://u:p@mail.example.com:587' }
    expect(() => parseEnv({ ...deployment, APP_URL: 'http://console.example.com' })).toThrow(/APP_URL: must be https with DATABASE_URL/)
    for (const loopback of ['http://localhost:3000', 'http://127.0.0.1:3410', 'http://[::1]:3000', 'https://console.example.com']) {
      expect(parseEnv({ ...deployment, APP_URL: loopback }).APP_URL).toBe(loopback)
    }
    const capture = { ...deployment, DEFAULT_SMTP_URL: '' }
    expect(() => parseEnv(capture)).toThrow(/DEFAULT_SMTP_URL: is required with DATABASE_URL \(set MAIL_CAPTURE=true/)
    expect(parseEnv({ ...capture, MAIL_CAPTURE: 'true' }).MAIL_CAPTURE).toBe(true)
    // the embedded default (a developer's machine) needs none of it
    expect(parseEnv({ APP_URL: 'http://console.example.com' }).MAIL_CAPTURE).toBe(false)
  })

  it('reads DNS_SERVERS as a list of IP addresses with optional ports, and names a bad entry', () => {
    expect(parseEnv({}).DNS_SERVERS).toBeUndefined()
    expect(parseEnv({ DNS_SERVERS: '' }).DNS_SERVERS).toBeUndefined()
    expect(parseEnv({ DNS_SERVERS: ' 1.1.1.1, 127.0.0.1:5353,2606:4700::1111,[::1]:53 ' }).DNS_SERVERS).toEqual([
      '1.1.1.1',
      '127.0.0.1:5353',
      '2606:4700::1111',
      '[::1]:53',
    ])
    for (const bad of ['dns.example.com', '1.1.1.1:0', '1.1.1.1:70000', 'localhost:53', ',']) {
      expect(() => parseEnv({ DNS_SERVERS: bad })).toThrow(/DNS_SERVERS: must be comma-separated IP addresses, each with an optional port/)
    }
  })
})
