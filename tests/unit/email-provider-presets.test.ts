import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PROVIDER_PRESET_ID,
  GOOGLE_MAIL_SCOPE,
  MICROSOFT_SMTP_SCOPE,
  PROVIDER_PRESETS,
  PROVIDER_PRESET_IDS,
  isMicrosoftTenantId,
  isProviderPresetId,
  microsoftTokenUrl,
  presetById,
} from '@/lib/email-provider/presets'

describe('PROVIDER_PRESETS', () => {
  it('lists the labels exactly as the product names them, in order', () => {
    expect(PROVIDER_PRESETS.map((preset) => preset.label)).toEqual([
      'Custom SMTP',
      'Microsoft 365',
      'Google Workspace',
      'Amazon SES',
      'SendGrid',
      'Mailgun',
      'Postmark',
      'Brevo',
      'Resend',
    ])
  })

  it('keeps ids in the same order as PROVIDER_PRESET_IDS, with Custom SMTP first and default', () => {
    expect(PROVIDER_PRESETS.map((preset) => preset.id)).toEqual([...PROVIDER_PRESET_IDS])
    expect(PROVIDER_PRESETS[0].id).toBe(DEFAULT_PROVIDER_PRESET_ID)
  })

  it.each(PROVIDER_PRESETS.map((preset) => [preset.label, preset] as const))('%s is well formed', (_label, preset) => {
    expect(new URL(preset.docsUrl).protocol).toBe('https:')
    expect(Number.isInteger(preset.port) && preset.port > 0 && preset.port <= 65535).toBe(true)
    expect(preset.setup.length).toBeGreaterThanOrEqual(1)
    expect(preset.setup.length).toBeLessThanOrEqual(3)
    if (preset.id !== 'custom') expect(preset.host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/)
    if (preset.security === 'tls') expect([465, 2465]).toContain(preset.port)
    if (preset.security === 'starttls') expect([25, 587, 2525, 2587]).toContain(preset.port)
  })

  it('carries the documented values of the sign-in presets', () => {
    expect(presetById('microsoft365')).toMatchObject({
      host: 'smtp.office365.com',
      port: 587,
      security: 'starttls',
      auth: 'oauth_client_credentials',
      spfInclude: 'spf.protection.outlook.com',
      dkimSelectors: ['selector1', 'selector2'],
    })
    expect(presetById('google')).toMatchObject({
      host: 'smtp.gmail.com',
      port: 587,
      security: 'starttls',
      auth: 'google_service_account',
      spfInclude: '_spf.google.com',
      dkimSelectors: ['google'],
    })
    expect(presetById('sendgrid')).toMatchObject({ username: 'apikey', dkimSelectors: ['s1', 's2'] })
    expect(presetById('resend')).toMatchObject({ username: 'resend', spfInclude: 'amazonses.com', dkimSelectors: ['resend'] })
  })

  it('hints at the per-account parts of SES and Mailgun', () => {
    expect(presetById('ses')?.host).toBe('email-smtp.us-east-1.amazonaws.com')
    expect(presetById('ses')?.hostHint).toContain('region')
    expect(presetById('mailgun')?.hostHint).toContain('smtp.eu.mailgun.org')
    expect(presetById('ses')?.setup.join(' ')).toContain('not your IAM access keys')
  })

  it('names the Microsoft and Google setup steps', () => {
    const microsoft = presetById('microsoft365')?.setup.join(' ') ?? ''
    expect(microsoft).toContain('SMTP.SendAsApp')
    expect(microsoft).toContain('New-ServicePrincipal')
    expect(microsoft).toContain('Add-MailboxPermission')
    expect(presetById('google')?.setup.join(' ')).toContain('Domain Wide Delegation')
  })
})

describe('presetById', () => {
  it('finds a preset and refuses unknown ids', () => {
    expect(presetById('brevo')?.label).toBe('Brevo')
    expect(presetById('gmail')).toBeUndefined()
    expect(isProviderPresetId('postmark')).toBe(true)
    expect(isProviderPresetId('constructor')).toBe(false)
    expect(isProviderPresetId(7)).toBe(false)
  })
})

describe('Microsoft helpers', () => {
  it('builds the v2.0 token endpoint of a tenant', () => {
    expect(microsoftTokenUrl('contoso.onmicrosoft.com')).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token')
    expect(microsoftTokenUrl(' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 ')).toBe(
      'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token',
    )
  })

  it('refuses a tenant that would change the URL', () => {
    expect(() => microsoftTokenUrl('evil.com/x?')).toThrow(TypeError)
    expect(() => microsoftTokenUrl('')).toThrow(TypeError)
  })

  it.each([
    ['72f988bf-86f1-41af-91ab-2d7cd011db47', true],
    ['contoso.onmicrosoft.com', true],
    ['contoso.com', true],
    ['common', false],
    ['organizations', false],
    ['72f988bf-86f1-41af-91ab', false],
    ['contoso', false],
    ['conto so.com', false],
    ['-contoso.com', false],
    ['https://contoso.com', false],
  ])('isMicrosoftTenantId(%j) is %s', (value, expected) => {
    expect(isMicrosoftTenantId(value)).toBe(expected)
  })

  it('exports the token scopes', () => {
    expect(MICROSOFT_SMTP_SCOPE).toBe('https://outlook.office365.com/.default')
    expect(GOOGLE_MAIL_SCOPE).toBe('https://mail.google.com/')
  })
})
