import { describe, expect, it } from 'vitest'
import { formValuesOf, presetValues } from '@/lib/email-provider/form-values'
import { isTestFirstAdvised, targetKeyOf, targetLabelOf } from '@/lib/email-provider/test-first'
import type { TEmailProviderFormValues } from '@/lib/email-provider/schema'

const saved: TEmailProviderFormValues = {
  ...formValuesOf(null, 3),
  host: 'smtp.acme.test',
  port: '587',
  username: 'mailer',
  fromAddress: 'no-reply@acme.test',
  displayName: 'Acme',
}

describe('isTestFirstAdvised', () => {
  it('asks for nothing when only how mail looks changed (Display Name, Reply-to, From, the fallback switch)', () => {
    const edited = { ...saved, displayName: 'Acme Support', replyTo: 'help@acme.test', fromAddress: 'hello@acme.test', useDefaultOnFailure: true }
    expect(isTestFirstAdvised(saved, edited, null)).toBe(false)
  })

  it.each<[string, Partial<TEmailProviderFormValues>]>([
    ['Server Host', { host: 'smtp.new.test' }],
    ['Server Port', { port: '2525' }],
    ['Connection security', { security: 'tls' }],
    ['Authentication', { authKind: 'none' }],
    ['Username', { username: 'other' }],
    ['a typed password', { password: 'new secret' }],
    ['Provider', { preset: 'sendgrid' }],
    ['Sending method', { ...presetValues('postmark'), apiKey: 'key' }],
  ])('asks when %s changed and nothing was tested', (_, change) => {
    expect(isTestFirstAdvised(saved, { ...saved, ...change }, null)).toBe(true)
  })

  it('counts a first set-up (nothing saved) as a change of target', () => {
    expect(isTestFirstAdvised(null, saved, null)).toBe(true)
  })

  it('asks nothing once a test email succeeded with exactly this target, and again when it changes after the test', () => {
    const next = { ...saved, host: 'smtp.new.test', password: 'typed' }
    const tested = targetKeyOf(next)
    expect(isTestFirstAdvised(saved, next, tested)).toBe(false)
    expect(isTestFirstAdvised(null, next, tested)).toBe(false)
    expect(isTestFirstAdvised(saved, { ...next, displayName: 'Changed after the test' }, tested)).toBe(false)
    expect(isTestFirstAdvised(saved, { ...next, password: 'typed again' }, tested)).toBe(true)
    expect(isTestFirstAdvised(saved, { ...next, port: '25' }, tested)).toBe(true)
  })

  it('ignores the hidden SMTP fields of a provider sending over its API', () => {
    const api = { ...saved, ...presetValues('postmark') }
    expect(isTestFirstAdvised(api, { ...api, host: 'elsewhere.test', username: 'x' }, null)).toBe(false)
    expect(isTestFirstAdvised(api, { ...api, apiKey: 'new key' }, null)).toBe(true)
  })

  it('ignores the fields of the sign-in kinds not chosen', () => {
    expect(isTestFirstAdvised(saved, { ...saved, clientId: 'app', tokenUrl: 'https://login.test/token', clientSecret: 'x' }, null)).toBe(false)
  })
})

describe('targetLabelOf', () => {
  it('names the server, or the service over its API', () => {
    expect(targetLabelOf(saved)).toBe('smtp.acme.test:587')
    expect(targetLabelOf({ ...saved, ...presetValues('postmark') })).toBe('Postmark over its API')
  })
})
