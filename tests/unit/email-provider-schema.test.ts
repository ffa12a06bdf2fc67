import { describe, expect, it } from 'vitest'
import { PORT_MESSAGE, ZEmailProviderForm } from '@/lib/email-provider/schema'

const valid = {
  preset: 'custom',
  host: 'smtp.example.com',
  port: '587',
  security: 'auto',
  authKind: 'password',
  fromAddress: 'no-reply@example.com',
  replyTo: '',
  username: 'mailer',
  password: '',
  displayName: 'Acme',
  dkimSelector: '',
  useDefaultOnFailure: false,
  version: 0,
}

const oauth = {
  ...valid,
  preset: 'microsoft365',
  authKind: 'oauth_client_credentials',
  tenantId: '',
  tokenUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  clientId: 'app',
  clientSecret: '',
  scope: 'https://outlook.office365.com/.default',
  clientSecretExpiresAt: '',
}

const serviceAccountKey = JSON.stringify({
  type: 'service_account',
  client_email: 'mailer@project.iam.gserviceaccount.com',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n',
  token_uri: 'https://oauth2.googleapis.com/token',
})

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

  it('requires a username for every kind that signs in, and none for None', () => {
    expect(errorsFor({ ...valid, username: '' }).username).toContain('username')
    expect(errorsFor({ ...oauth, username: '' }).username).toContain('mailbox')
    expect(errorsFor({ ...valid, authKind: 'none', username: '' })).toEqual({})
  })

  it('keeps only the fields of the chosen authentication kind', () => {
    const result = ZEmailProviderForm.safeParse({ ...oauth, password: 'leftover', serviceAccountKey: 'leftover' })
    expect(result.success && result.data).not.toHaveProperty('password')
    expect(result.success && result.data).not.toHaveProperty('serviceAccountKey')
    expect(result.success && result.data.authKind === 'oauth_client_credentials' && result.data.clientId).toBe('app')
  })

  it('offers an unencrypted connection only without sign-in', () => {
    expect(errorsFor({ ...valid, security: 'none' }).security).toContain('never sent unencrypted')
    expect(errorsFor({ ...valid, security: 'none', authKind: 'none' })).toEqual({})
    expect(errorsFor({ ...valid, security: 'ssl' }).security).toBeDefined()
  })

  it('checks the OAuth 2.0 fields at their fields', () => {
    expect(errorsFor({ ...oauth, tokenUrl: 'login.microsoftonline.com/x' }).tokenUrl).toContain('https://')
    expect(errorsFor({ ...oauth, tokenUrl: 'ftp://example.com/token' }).tokenUrl).toContain('https://')
    expect(errorsFor({ ...oauth, clientId: '' }).clientId).toContain('Client ID')
    expect(errorsFor({ ...oauth, scope: '' }).scope).toContain('scope')
    expect(errorsFor({ ...oauth, tenantId: 'not a tenant' }).tenantId).toContain('tenant')
    expect(errorsFor({ ...oauth, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' }).tenantId).toBeUndefined()
    expect(errorsFor({ ...oauth, clientSecretExpiresAt: '31/01/2027' }).clientSecretExpiresAt).toContain('YYYY-MM-DD')
    expect(errorsFor({ ...oauth, clientSecret: 'line\nbreak' }).clientSecret).toContain('line breaks')
  })

  it('checks a pasted service account key, and accepts a blank one (keeps the saved key)', () => {
    const google = { ...valid, preset: 'google', authKind: 'google_service_account', serviceAccountKey }
    expect(errorsFor(google)).toEqual({})
    expect(errorsFor({ ...google, serviceAccountKey: '' })).toEqual({})
    expect(errorsFor({ ...google, serviceAccountKey: '{not json' }).serviceAccountKey).toContain('not valid JSON')
    expect(errorsFor({ ...google, serviceAccountKey: JSON.stringify({ type: 'authorized_user' }) }).serviceAccountKey).toContain('service account')
    const noEmail = JSON.stringify({ ...JSON.parse(serviceAccountKey), client_email: undefined })
    expect(errorsFor({ ...google, serviceAccountKey: noEmail }).serviceAccountKey).toContain('client_email')
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
