// What admins are told about failures (issue #13, item 6): no private address, no platform host, no secret in any
// form, and only SMTP-shaped replies echoed.
import { describe, expect, it } from 'vitest'
import { classifySmtpError, errorContextFor, serverReplyForAdmins } from '@/lib/mail/server/smtp-error'
import { parseSmtpUrl, PLATFORM_DEFAULT_LABEL } from '@/lib/delivery/server/worker/default-provider'
import type { TSmtpSettings } from '@/lib/mail/types'

const settings: TSmtpSettings = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  auth: { kind: 'password', username: 'mailer@example.com', password: 'Tr0ub4dor&3-secret' },
}
const context = errorContextFor(settings)
const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('server replies in the step list', () => {
  it.each([
    ['plain', (pass: string) => pass],
    ['base64 of the password', (pass: string) => b64(pass)],
    ['base64 of user\\0user\\0pass', (pass: string) => b64(`mailer@example.com\0mailer@example.com\0${pass}`)],
    ['base64 of \\0user\\0pass', (pass: string) => b64(`\0mailer@example.com\0${pass}`)],
  ])('redact the secret written %s', (_form, write) => {
    const echoed = write('Tr0ub4dor&3-secret')
    const failure = classifySmtpError({ code: 'EAUTH', responseCode: 535, response: `535 5.7.8 Bad credentials ${echoed}`, command: 'AUTH PLAIN' }, context)
    expect(failure.reply).toBe('535 5.7.8 Bad credentials ***')
  })

  it('echo an SMTP-shaped multi-line reply whole', () => {
    expect(serverReplyForAdmins('550-5.7.1 Refused\r\n550 5.7.1 See https://example.com/help', context)).toBe(
      '550-5.7.1 Refused\n550 5.7.1 See https://example.com/help',
    )
  })

  it('cut anything else to its first line of at most 200 characters', () => {
    const http = 'HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nSet-Cookie: session=abc\r\n\r\n<html>…</html>'
    expect(serverReplyForAdmins(http, context)).toBe('HTTP/1.1 400 Bad Request')
    expect(serverReplyForAdmins(`SSH-2.0-${'x'.repeat(1000)}`, context)).toHaveLength(200)
    const failure = classifySmtpError({ code: 'EPROTOCOL', response: http, command: 'CONN' }, context)
    expect(failure.reply).toBe('HTTP/1.1 400 Bad Request')
  })
})

describe('the platform default provider', () => {
  it('is labelled "platform default", never with its host or port', () => {
    const platform = parseSmtpUrl('smtp://platform:pass@mail.internal.example:2525')
    expect(platform.label).toBe(PLATFORM_DEFAULT_LABEL)
    expect(platform.label).toBe('platform default')
  })

  it('fails without naming its host or port', () => {
    const platform = parseSmtpUrl('smtp://platform:pass@mail.internal.example:2525')
    const failure = classifySmtpError(
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' },
      errorContextFor(platform.settings, { isPlatformDefault: true }),
    )
    expect(failure.message).toMatch(/^Connection refused/)
    expect(JSON.stringify(failure)).not.toContain('mail.internal')
    expect(failure.message).not.toContain('2525')
  })
})
