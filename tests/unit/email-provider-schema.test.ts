import { describe, expect, it } from 'vitest'
import { PORT_MESSAGE, ZEmailProviderForm } from '@/lib/email-provider/schema'

const valid = {
  host: 'smtp.example.com',
  port: '587',
  fromAddress: 'no-reply@example.com',
  replyTo: '',
  username: '',
  password: '',
  clearPassword: false,
  displayName: 'Acme',
  version: 0,
}

function errorsFor(input: Record<string, unknown>) {
  const result = ZEmailProviderForm.safeParse(input)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]))
}

describe('ZEmailProviderForm', () => {
  it('accepts a complete form and normalises the host', () => {
    const result = ZEmailProviderForm.safeParse({ ...valid, host: ' SMTP.Example.com ' })
    expect(result.success && result.data.host).toBe('smtp.example.com')
  })

  it.each([
    ['smtp://mail.example.com', 'without smtp://'],
    ['mail.example.com:587', 'Server Port'],
    ['mail example.com', 'spaces'],
    ['', 'Enter the server host'],
    ['a'.repeat(254), 'at most 253'],
    ['-bad-.example.com', 'valid host name'],
  ])('refuses host %j at Server Host', (host, message) => {
    expect(errorsFor({ ...valid, host }).host).toContain(message)
  })

  it.each(['192.0.2.10', '2001:db8::1', '[2001:db8::1]', 'mail.example.com.'])('accepts host %j', (host) => {
    expect(errorsFor({ ...valid, host }).host).toBeUndefined()
  })

  it.each(['0', '65536', '58 7', 'abc', '', '1.5', '-1'])('refuses port %j with the port message', (port) => {
    expect(errorsFor({ ...valid, port }).port).toBe(PORT_MESSAGE)
  })

  it('refuses a port of the wrong type with the port message', () => {
    expect(errorsFor({ ...valid, port: 587 }).port).toBe(PORT_MESSAGE)
  })

  it('checks the addresses', () => {
    expect(errorsFor({ ...valid, fromAddress: 'nope' }).fromAddress).toContain('valid From Address')
    expect(errorsFor({ ...valid, replyTo: 'nope' }).replyTo).toContain('Reply-to Address')
    expect(errorsFor({ ...valid, replyTo: 'help@example.com' }).replyTo).toBeUndefined()
  })

  it('requires a username with a password', () => {
    expect(errorsFor({ ...valid, password: 'secret' }).username).toContain('username')
    expect(errorsFor({ ...valid, password: 'secret', username: 'me' })).toEqual({})
  })

  it('refuses line breaks and overlong display names', () => {
    expect(errorsFor({ ...valid, displayName: 'Acme\r\nBcc: victim@example.com' }).displayName).toContain('line breaks')
    expect(errorsFor({ ...valid, displayName: 'x'.repeat(101) }).displayName).toContain('at most 100')
  })

  it('survives hand-crafted input', () => {
    expect(ZEmailProviderForm.safeParse(null).success).toBe(false)
    expect(ZEmailProviderForm.safeParse({ ...valid, host: { $ne: 1 } }).success).toBe(false)
    expect(ZEmailProviderForm.safeParse({ ...valid, extra: 'ignored' }).success).toBe(true)
  })
})
