import { describe, expect, it } from 'vitest'
import { AUTH_FAILED_MESSAGE, classifySmtpError, errorContextFor, stageOfCommand } from '@/lib/mail/server/smtp-error'
import { TokenError } from '@/lib/mail/server/oauth'
import { SmtpHostError } from '@/lib/server/net/resolve-smtp-host'

// Errors shaped like the ones nodemailer 10 produces against real servers (codes seen when this suite was written against smtp-server and real providers).
function nodemailerError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'failure')), fields)
}

const context = { host: 'smtp.example.com', port: 587, implicitTls: false, password: 's3cret-pass' }

describe('classifySmtpError', () => {
  it.each([
    [
      'wrong password',
      { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication credentials invalid', command: 'AUTH PLAIN', permanent: true },
      { field: 'password', stage: 'auth', message: AUTH_FAILED_MESSAGE, code: 535, isPermanent: true },
    ],
    [
      'connection refused',
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' },
      { field: 'port', stage: 'tcp', message: 'Connection refused: nothing accepts connections on port 587 of smtp.example.com', isPermanent: false },
    ],
    ['unknown host (nodemailer)', { code: 'EDNS', originalCode: 'ENOTFOUND', command: 'CONN' }, { field: 'host', stage: 'dns', isPermanent: false }],
    ['unknown host (dns.lookup)', { code: 'ENOTFOUND' }, { field: 'host', stage: 'dns' }],
    [
      'no greeting',
      { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', command: 'CONN' },
      { field: 'port', stage: 'ehlo', message: 'The server accepted the connection but never sent its SMTP greeting', isPermanent: false },
    ],
    [
      'connect timeout',
      { code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT', command: 'CONN' },
      { field: 'port', stage: 'tcp', message: 'The connection attempt timed out' },
    ],
    [
      'stalled server',
      { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN' },
      { field: null, message: 'The server stopped responding', isPermanent: false },
    ],
    [
      'implicit TLS against STARTTLS port',
      { code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER', command: 'CONN' },
      { field: 'port', stage: 'tls', hint: 'Port 465 expects TLS from the first byte; this server answered in plain text: use 587' },
    ],
    [
      'self-signed',
      { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', command: 'CONN' },
      { field: 'host', stage: 'tls', message: "The server's certificate is not trusted (self-signed or issued by an unknown authority)" },
    ],
    ['unknown CA', { code: 'ESOCKET', originalCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', command: 'CONN' }, { field: 'host', stage: 'tls' }],
    [
      'expired',
      { code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED', command: 'CONN' },
      { field: 'host', stage: 'tls', message: "The server's certificate has expired or is not yet valid" },
    ],
    [
      'name mismatch',
      {
        code: 'ESOCKET',
        originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
        cert: { subjectaltname: 'DNS:mx1.provider.net, DNS:mx2.provider.net, IP Address:192.0.2.1' },
      },
      {
        field: 'host',
        stage: 'tls',
        message: "The server's certificate is not valid for smtp.example.com",
        hint: 'The certificate was issued for mx1.provider.net, mx2.provider.net: enter that host name instead',
      },
    ],
    [
      'sender rejected',
      { code: 'EENVELOPE', responseCode: 553, response: '553 5.7.1 Sender address rejected', command: 'MAIL FROM', permanent: true },
      { field: 'fromAddress', stage: 'mail', code: 553, isPermanent: true },
    ],
    [
      'sender deferred',
      { code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 Try again later', command: 'MAIL FROM', permanent: false },
      { field: 'fromAddress', stage: 'mail', isPermanent: false },
    ],
    [
      'recipient rejected',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 User unknown', command: 'RCPT TO', permanent: true },
      { field: 'recipient', stage: 'rcpt', code: 550, isPermanent: true },
    ],
    [
      'auth required, none given',
      { code: 'EENVELOPE', responseCode: 530, response: '530 5.7.0 Authentication required', command: 'MAIL FROM', permanent: true },
      { field: 'username', stage: 'mail', code: 530 },
    ],
    [
      'no STARTTLS',
      { code: 'ETLS', responseCode: 500, response: '500 Error: command not recognized', command: 'STARTTLS', permanent: true },
      { field: 'security', stage: 'tls', message: 'The server does not offer STARTTLS, so the password cannot be sent securely' },
    ],
    [
      'AUTH before STARTTLS',
      { code: 'EAUTH', responseCode: 538, response: '538 5.7.11 Encryption required', command: 'AUTH PLAIN' },
      { field: 'security', stage: 'auth' },
    ],
    [
      'missing password',
      { code: 'EAUTH', command: 'API', message: 'Missing credentials for "PLAIN"' },
      { field: 'password', stage: 'auth', message: 'Enter the password for this username' },
    ],
    [
      'message too large',
      { code: 'EMESSAGE', responseCode: 552, response: '552 5.3.4 Message size exceeds fixed limit', command: 'DATA' },
      { field: null, stage: 'data', isPermanent: true },
    ],
    ['server busy', { code: 'ECONNECTION', responseCode: 421, response: '421 4.7.0 Try again later', command: 'CONN' }, { field: null, isPermanent: false }],
    [
      'closed unexpectedly',
      { code: 'ECONNECTION', command: 'CONN' },
      { field: null, message: 'The server closed the connection unexpectedly', isPermanent: false },
    ],
    ['bad greeting', { code: 'EPROTOCOL', responseCode: 554, response: '554 No SMTP service here', command: 'CONN' }, { field: 'host', stage: 'ehlo' }],
  ])('%s', (_name, fields, expected) => {
    expect(classifySmtpError(nodemailerError(fields), context)).toMatchObject(expected)
  })

  it('gives each failure its own message', () => {
    const messages = [
      { code: 'EAUTH', responseCode: 535 },
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED' },
      { code: 'ENOTFOUND' },
      { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' },
      { code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER' },
      { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      { code: 'ESOCKET', originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID' },
      { code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM' },
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' },
      { code: 'EENVELOPE', responseCode: 530, command: 'MAIL FROM' },
      { code: 'ETLS', responseCode: 502, response: '502 5.5.1 Unrecognized command', command: 'STARTTLS' },
    ].map((fields) => classifySmtpError(nodemailerError(fields), context).message)
    expect(new Set(messages).size).toBe(messages.length)
  })

  it('words the reverse TLS mismatch when a probe showed the port speaks TLS', () => {
    const failure = classifySmtpError(nodemailerError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }), { ...context, portSpeaksTls: true })
    expect(failure).toMatchObject({ field: 'security', message: expect.stringContaining('This port expects TLS from the first byte') })
  })

  it('passes host refusals through with their own wording', () => {
    const refusal = new SmtpHostError(
      'internal',
      'This host resolves to a private network address; sending to internal networks is not allowed',
      'Use a public host',
    )
    expect(classifySmtpError(refusal)).toEqual({ field: 'host', stage: 'dns', message: refusal.message, hint: 'Use a public host', isPermanent: true })
  })

  it('treats a failed lookup as transient but a refused host as permanent', () => {
    expect(classifySmtpError(new SmtpHostError('not-found', 'Host not found', 'Check the name')).isPermanent).toBe(false)
    expect(classifySmtpError(new SmtpHostError('dns-timeout', 'DNS timed out', 'Try again')).isPermanent).toBe(false)
    expect(classifySmtpError(new SmtpHostError('non-canonical', 'Odd IP', 'Use dotted form')).isPermanent).toBe(true)
  })

  it('never carries the password, a stack or the raw error message', () => {
    const error = nodemailerError({
      code: 'EAUTH',
      responseCode: 535,
      response: '535 bad password s3cret-pass for user',
      message: 'Invalid login: 535 bad password s3cret-pass',
    })
    const failure = classifySmtpError(error, context)
    const serialized = JSON.stringify(failure)
    expect(serialized).not.toContain('s3cret-pass')
    expect(serialized).not.toContain('at ')
    expect(failure.reply).toBe('535 bad password *** for user')
  })

  it('treats non-errors and unknown errors as transient with a generic message', () => {
    expect(classifySmtpError('boom')).toMatchObject({ field: null, message: 'The email could not be sent', isPermanent: false })
    expect(
      classifySmtpError(nodemailerError({ code: 'EMESSAGE', responseCode: 451, response: '451 try later', command: 'DATA', permanent: false })),
    ).toMatchObject({ isPermanent: false })
  })
})

describe('helpers', () => {
  it('maps SMTP commands to stages', () => {
    expect(['EHLO', 'STARTTLS', 'AUTH LOGIN', 'MAIL FROM', 'RCPT TO', 'DATA', 'CONN'].map((command) => stageOfCommand(command, 'tcp'))).toEqual([
      'ehlo',
      'tls',
      'auth',
      'mail',
      'rcpt',
      'data',
      'tcp',
    ])
  })

  it('builds the context from settings', () => {
    const settings = {
      host: 'smtp.example.com',
      port: 465,
      security: 'auto',
      auth: { kind: 'password', username: 'u@example.com', password: 'x-secret' },
    } as const
    expect(errorContextFor(settings)).toMatchObject({ host: 'smtp.example.com', port: 465, implicitTls: true, security: 'auto', authKind: 'password' })
    expect(errorContextFor({ ...settings, port: 2465 })).toMatchObject({ implicitTls: false })
    expect(errorContextFor({ ...settings, port: 2465 }, undefined, { mode: 'tls', isDetected: true })).toMatchObject({ implicitTls: true, portSpeaksTls: true })
    expect(errorContextFor({ ...settings, port: 2465, security: 'tls' })).toMatchObject({ implicitTls: true })
  })
})

describe('v2: security, tokens, provider replies, redaction', () => {
  const oauthContext = { host: 'smtp.office365.com', port: 587, implicitTls: false, security: 'auto', authKind: 'oauth2' } as const

  it('a TokenError (passed on by nodemailer as EAUTH) fails the token stage on its own field', () => {
    const tokenError = Object.assign(
      new TokenError({ message: 'The token endpoint login.example.com refused the client secret', hint: 'Enter the current secret', field: 'clientSecret' }),
      { code: 'EAUTH', command: 'AUTH XOAUTH2' },
    )
    expect(classifySmtpError(tokenError, oauthContext)).toEqual({
      field: 'clientSecret',
      stage: 'token',
      message: 'The token endpoint login.example.com refused the client secret',
      hint: 'Enter the current secret',
      isPermanent: false,
    })
  })

  it.each([
    [
      'Microsoft: SMTP AUTH disabled for the tenant',
      {
        code: 'EAUTH',
        responseCode: 535,
        response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
        command: 'AUTH XOAUTH2',
      },
      { stage: 'auth', field: null, message: expect.stringContaining('SMTP AUTH is turned off') },
    ],
    [
      'Microsoft: client not authenticated (530 5.7.57) wins over the generic 530 rule',
      { code: 'EENVELOPE', responseCode: 530, response: '530 5.7.57 Client not authenticated to send mail.', command: 'MAIL FROM' },
      { stage: 'mail', field: 'username', message: expect.stringContaining('has not signed in') },
    ],
    [
      'Google: app password wanted',
      {
        code: 'EAUTH',
        responseCode: 534,
        response: '534-5.7.9 Application-specific password required. https://support.google.com/mail/?p=InvalidSecondFactor',
        command: 'AUTH PLAIN',
      },
      { stage: 'auth', field: 'password', message: 'Google wants an app password, not the account password' },
    ],
  ])('%s', (_name, fields, expected) => {
    expect(classifySmtpError(nodemailerError(fields), oauthContext)).toMatchObject(expected)
  })

  it('STARTTLS waited on a port that speaks TLS (2465): the fix is the security mode, not port 465', () => {
    const failure = classifySmtpError(nodemailerError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }), {
      ...context,
      port: 2465,
      security: 'starttls',
      portSpeaksTls: true,
    })
    expect(failure).toMatchObject({ field: 'security', stage: 'ehlo' })
    expect(failure.hint).toContain('Connection security "TLS"')
    expect(failure.hint).not.toContain('465')
  })

  it('TLS chosen for a plain-text port: the security field', () => {
    const failure = classifySmtpError(nodemailerError({ code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }), {
      ...context,
      port: 2525,
      security: 'tls',
      implicitTls: true,
    })
    expect(failure).toMatchObject({ field: 'security', stage: 'tls' })
    expect(failure.hint).not.toContain('465')
  })

  it('no STARTTLS and no credentials: TLS is required, the security field', () => {
    const failure = classifySmtpError(nodemailerError({ code: 'ETLS', message: 'Server does not support required STARTTLS', command: 'CONN' }), {
      ...context,
      authKind: 'none',
    })
    expect(failure).toMatchObject({
      field: 'security',
      stage: 'tls',
      message: 'The server does not offer STARTTLS, and this connection requires encryption (TLS)',
    })
  })

  it('redacts the password, the client secret and the access token in every form a server could echo', () => {
    const user = 'mailer@example.com'
    const password = 'pa55-word!'
    const b64 = (text: string) => Buffer.from(text).toString('base64')
    const passwordSettings = { host: 'h.example', port: 587, security: 'auto', auth: { kind: 'password', username: user, password } } as const
    const echo = [password, b64(password), b64(`\0${user}\0${password}`), b64(`${user}\0${user}\0${password}`)].join(' | ')
    const redacted = classifySmtpError(nodemailerError({ code: 'EAUTH', responseCode: 535, response: `535 ${echo}` }), errorContextFor(passwordSettings)).reply
    expect(redacted).toBe('535 *** | *** | *** | ***')

    const token = 'ya29.a0AfB_byC-opaque-token'
    const clientSecret = 'Qx48Q~client-secret'
    const oauthSettings = {
      ...passwordSettings,
      auth: {
        kind: 'oauth2',
        username: user,
        tokenCacheKey: 'org-redact',
        tokenRequest: { kind: 'client-credentials', tokenUrl: 'https://login.example.com/token', clientId: 'app', clientSecret, scope: 's' },
      },
    } as const
    const xoauth2 = b64(`user=${user}\x01auth=Bearer ${token}\x01\x01`)
    const reply = `535 5.7.3 ${token} ${xoauth2} ${clientSecret} ${b64(clientSecret)} eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln`
    const failure = classifySmtpError(
      nodemailerError({ code: 'EAUTH', responseCode: 535, response: reply, command: 'AUTH XOAUTH2' }),
      errorContextFor(oauthSettings),
    )
    for (const secret of [token, xoauth2, clientSecret, b64(clientSecret), 'eyJhbGciOiJSUzI1NiJ9']) expect(failure.reply).not.toContain(secret)
  })
})
