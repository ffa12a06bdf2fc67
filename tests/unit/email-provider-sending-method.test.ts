import { describe, expect, it } from 'vitest'
import { ZEmailProviderForm } from '@/lib/email-provider/schema'
import { resolveProviderForm } from '@/lib/email-provider/server/service'
import { presetValues, sendingMethodValues } from '@/lib/email-provider/form-values'
import { parseEnv } from '@/lib/env'

// The sending method beside Authentication (issue 27): SMTP as before, or the preset's HTTP API with its API key.

const apiForm = {
  preset: 'postmark',
  sendingMethod: 'api',
  apiKey: 'server-token',
  host: 'smtp.postmarkapp.com',
  port: '587',
  security: 'starttls',
  authKind: 'none',
  fromAddress: 'no-reply@example.com',
  replyTo: '',
  displayName: 'Acme',
  dkimSelector: '',
  useDefaultOnFailure: false,
  version: 0,
}

const parse = (values: object) => ZEmailProviderForm.parse(values)

describe('the sending method', () => {
  it('API only for a preset that has one, on the Sending method field', () => {
    expect(ZEmailProviderForm.safeParse(apiForm).success).toBe(true)
    const custom = ZEmailProviderForm.safeParse({ ...apiForm, preset: 'custom' })
    expect(custom.success).toBe(false)
    expect(custom.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['sendingMethod', 'This provider is reached over SMTP only: choose SMTP'],
    ])
  })

  it("stores the service's fixed host, 443 and TLS, no sign-in, the API key as the secret", () => {
    const resolved = resolveProviderForm(parse(apiForm), null)
    expect(resolved).toMatchObject({
      ok: true,
      secretField: 'apiKey',
      write: {
        sendingMethod: 'api',
        host: 'api.postmarkapp.com',
        port: 443,
        security: 'tls',
        authKind: 'none',
        username: null,
        secrets: { apiKey: 'server-token' },
      },
    })
  })

  it('a blank API key keeps the saved one, but not across a change of method', () => {
    const first = resolveProviderForm(parse(apiForm), null)
    if (!first.ok) throw new Error('expected ok')
    const saved = { ...first.after, hasSecret: true }
    expect(resolveProviderForm(parse({ ...apiForm, apiKey: '' }), saved)).toMatchObject({ ok: true, write: { secrets: undefined } })
    expect(resolveProviderForm(parse({ ...apiForm, apiKey: '' }), null)).toMatchObject({ ok: false, code: 'secret-required', field: 'apiKey' })
    // an SMTP provider's saved password is no API key
    const smtp = { ...saved, sendingMethod: 'smtp' as const, host: 'smtp.postmarkapp.com', port: 587, authKind: 'password' as const, username: 'token' }
    expect(resolveProviderForm(parse({ ...apiForm, apiKey: '' }), smtp)).toMatchObject({ ok: false, code: 'secret-required', field: 'apiKey' })
  })

  it('a new Postmark set-up starts on API; back to SMTP restores its sign-in', () => {
    expect(presetValues('postmark')).toMatchObject({ sendingMethod: 'api', authKind: 'none' })
    expect(presetValues('brevo')).toMatchObject({ sendingMethod: 'smtp', authKind: 'password' })
    expect(sendingMethodValues('postmark', 'smtp')).toEqual({ sendingMethod: 'smtp', authKind: 'password' })
  })

  it('MAIL_API_BASE_URLS: service=url pairs, only with SMTP_ALLOW_PRIVATE_HOSTS=true', () => {
    expect(parseEnv({ SMTP_ALLOW_PRIVATE_HOSTS: 'true', MAIL_API_BASE_URLS: 'postmark=https://localhost:4001' }).MAIL_API_BASE_URLS).toEqual({
      postmark: 'https://localhost:4001',
    })
    expect(() => parseEnv({ MAIL_API_BASE_URLS: 'postmark=https://localhost:4001' })).toThrow(/needs SMTP_ALLOW_PRIVATE_HOSTS=true/)
    expect(() => parseEnv({ SMTP_ALLOW_PRIVATE_HOSTS: 'true', MAIL_API_BASE_URLS: 'postmark' })).toThrow(/service=url pairs/)
  })
})
