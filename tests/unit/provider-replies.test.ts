import { describe, expect, it } from 'vitest'
import { providerReplyFailure } from '@/lib/mail/server/provider-replies'

// Reply texts as Microsoft 365 and Gmail send them (from nodemailer error reports and the providers' pages).
describe('providerReplyFailure', () => {
  it.each([
    [
      'Microsoft: SMTP AUTH disabled for the tenant',
      {
        responseCode: 535,
        command: 'AUTH LOGIN',
        response:
          '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0201CA0055.namprd02.prod.outlook.com 2024-01-01T00:00:00.000Z 08DC0C1B2C3D4E5F]',
      },
      {
        field: 'authKind',
        stage: 'auth',
        message: expect.stringContaining('password sign-in (basic authentication) is turned off'),
        hint: expect.stringContaining('31 December 2026'),
      },
    ],
    [
      'Microsoft: security defaults block the user',
      {
        responseCode: 535,
        command: 'AUTH LOGIN',
        response: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
      },
      { field: 'authKind', stage: 'auth', hint: expect.stringContaining('Switch to OAuth 2.0') },
    ],
    [
      'Microsoft: SMTP AUTH disabled, signing in with OAuth',
      { responseCode: 535, command: 'AUTH XOAUTH2', response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.' },
      { field: null, stage: 'auth', message: expect.stringContaining('SMTP AUTH is turned off') },
    ],
    [
      'Microsoft: basic authentication retired',
      { responseCode: 550, command: 'AUTH LOGIN', response: '550 5.7.30 Basic authentication is not supported for Client Submission.' },
      { field: 'authKind', stage: 'auth', hint: expect.stringContaining('Switch to OAuth 2.0') },
    ],
    [
      'Microsoft: wrong password',
      { responseCode: 535, command: 'AUTH LOGIN', response: '535 5.7.3 Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com]' },
      { field: 'password', stage: 'auth', message: 'Microsoft 365 rejected the username or password' },
    ],
    [
      'Microsoft: app token not allowed on the mailbox',
      { responseCode: 535, command: 'AUTH XOAUTH2', response: '535 5.7.3 Authentication unsuccessful [LO6P265CA0005.GBRP265.PROD.OUTLOOK.COM]' },
      { field: 'username', stage: 'auth', hint: expect.stringContaining('New-ServicePrincipal') },
    ],
    [
      'Microsoft: not signed in',
      {
        responseCode: 530,
        command: 'MAIL FROM',
        response: '530 5.7.57 Client not authenticated to send mail. [DM6PR11CA0021.namprd11.prod.outlook.com 2024-01-01T00:00:00.000Z 08DC0C1B2C3D4E5F]',
      },
      { field: 'username', stage: 'mail' },
    ],
    [
      'Microsoft: SendAsDenied',
      {
        responseCode: 554,
        command: 'DATA',
        response:
          '554 5.2.252 SendAsDenied; app@contoso.com not allowed to send as noreply@fabrikam.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.',
      },
      { field: 'fromAddress', stage: 'data', hint: expect.stringContaining('Send As') },
    ],
    [
      'Outlook.com: sender domain not authenticated',
      {
        responseCode: 550,
        command: 'RCPT TO',
        response:
          "550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender.",
      },
      { field: 'fromAddress', stage: 'rcpt' },
    ],
    [
      'Google: app password required',
      {
        responseCode: 534,
        command: 'AUTH PLAIN',
        response:
          '534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2e1a72fcca58-6f4d2f3a1b2sm1234567b3a.12 - gsmtp',
      },
      { field: 'password', stage: 'auth', message: 'Google wants an app password, not the account password' },
    ],
    [
      'Google: bad credentials',
      {
        responseCode: 535,
        command: 'AUTH PLAIN',
        response:
          '535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials i5sm8565805wrv.34 - gsmtp',
      },
      { field: 'password', stage: 'auth', message: 'Google did not accept the username and password' },
    ],
    [
      'Google: XOAUTH2 token for the wrong user',
      {
        responseCode: 535,
        command: 'AUTH XOAUTH2',
        response:
          '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials 2adb3069b0e04-521f38d7f71sm2899713e87.194 - gsmtp',
      },
      { field: 'username', stage: 'auth', hint: expect.stringContaining('https://mail.google.com/') },
    ],
    [
      'Gmail: unauthenticated sender',
      {
        responseCode: 550,
        command: 'DATA',
        response:
          '550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n550-5.7.26 sender and Gmail users, and has been blocked. The sender must\n550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,\n550 5.7.26 DKIM checks did not pass and SPF check for [example.com] did not pass - gsmtp',
      },
      { field: 'fromAddress', stage: 'data' },
    ],
    [
      'Gmail: no PTR record for the sending IP',
      {
        responseCode: 550,
        command: 'DATA',
        response:
          '550-5.7.25 [203.0.113.9] The IP address sending this message does not have a\n550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not\n550 5.7.25 point to the sending IP. - gsmtp',
      },
      { field: 'host', stage: 'data', message: expect.stringContaining('PTR') },
    ],
    [
      'Gmail: not over TLS',
      { responseCode: 550, command: 'DATA', response: "550-5.7.29 This message wasn't sent over a TLS connection\n550 5.7.29 and has been blocked. - gsmtp" },
      { field: 'security', stage: 'data', message: expect.stringContaining('TLS') },
    ],
    [
      'Gmail: rate limited',
      {
        responseCode: 421,
        command: 'DATA',
        response:
          '421-4.7.28 Gmail has detected an unusual rate of unsolicited mail. To protect\n421-4.7.28 our users from spam, mail has been temporarily rate limited.\n421 4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError - gsmtp',
      },
      { field: null, stage: 'data', message: expect.stringContaining('rate-limiting') },
    ],
    [
      'Gmail: SPF fails for the MAIL FROM domain',
      { responseCode: 550, command: 'DATA', response: '550-5.7.27 The sender does not meet basic SPF requirements\n550 5.7.27 for example.com. - gsmtp' },
      { field: 'fromAddress', stage: 'data', hint: expect.stringContaining('Sender domain'), fixIn: 'sender-domain' },
    ],
  ])('%s', (_name, reply, expected) => {
    expect(providerReplyFailure(reply)).toMatchObject(expected)
  })

  it('takes the stage from the session when it differs from the usual one', () => {
    expect(providerReplyFailure({ responseCode: 550, command: 'RCPT TO', response: '550-5.7.26 This mail is unauthenticated - gsmtp' })?.stage).toBe('rcpt')
    expect(providerReplyFailure({ responseCode: 554, response: '554 5.2.252 SendAsDenied; a@b.com not allowed to send as c@d.com' })?.stage).toBe('data')
  })

  it.each([
    ['a generic wrong password', { responseCode: 535, command: 'AUTH PLAIN', response: '535 5.7.8 Authentication credentials invalid' }],
    ['a generic 5.7.3 from another server', { responseCode: 535, command: 'AUTH LOGIN', response: '535 5.7.3 Bad credentials' }],
    ['a weak mechanism elsewhere', { responseCode: 534, command: 'AUTH PLAIN', response: '534 5.7.9 Authentication mechanism is too weak' }],
    ['an unknown recipient', { responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 User unknown' }],
    ['a reply without an enhanced code', { responseCode: 421, response: '421 Service not available' }],
    ['an IP address that looks like a code', { responseCode: 550, response: '550 Rejected from [192.5.7.26]' }],
    ['no reply at all', {}],
    ['a 5.7.30 that is not Microsoft (Gmail: DKIM)', { responseCode: 550, command: 'DATA', response: '550 5.7.30 DKIM checks did not pass - gsmtp' }],
    ['a 5.7.27 that is not Gmail', { responseCode: 550, command: 'DATA', response: '550 5.7.27 Rejected' }],
  ])('returns null for %s', (_name, reply) => {
    expect(providerReplyFailure(reply)).toBeNull()
  })

  it('gives each mapped reply its own message', () => {
    const replies = [
      '535 5.7.139 x',
      '550 5.7.30 Basic authentication is not supported for Client Submission.',
      '550 5.7.25 x - gsmtp',
      '421 4.7.25 x - gsmtp',
      '550 5.7.29 x - gsmtp',
      '421 4.7.29 x - gsmtp',
      '421 4.7.28 x - gsmtp',
      '550 5.7.27 x - gsmtp',
      '421 4.7.27 x - gsmtp',
      '535 5.7.3 Authentication unsuccessful',
      '530 5.7.57 x',
      '554 5.2.252 x',
      '550 5.7.515 x',
      '534 5.7.9 x - gsmtp',
      '535 5.7.8 x - gsmtp',
      '550 5.7.26 x',
    ]
    const messages = replies.map((response) => providerReplyFailure({ response })?.message)
    expect(messages.every(Boolean)).toBe(true)
    expect(new Set(messages).size).toBe(replies.length)
  })
})
