import { expect, test } from '@playwright/test'
import { PROVIDER_PRESETS } from '../../lib/email-provider/presets'
import { signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { field, openProviderPage } from './support/provider-page'

test('choosing a provider fills its documented server, security and sign-in, with what to set up there', async ({ page }) => {
  const admin = await signUpAdmin(page, 'presets')
  await openProviderPage(page, admin.slug)
  const provider = page.getByLabel('Provider', { exact: true })
  await expect(provider).toHaveValue('custom')
  expect(await provider.locator('option').allTextContents()).toEqual(PROVIDER_PRESETS.map((preset) => preset.label))

  for (const preset of PROVIDER_PRESETS.filter((candidate) => candidate.id !== 'custom')) {
    await provider.selectOption({ label: preset.label })
    // a service with an HTTP API starts on API (issue 27): its setup lines, then its SMTP server on SMTP
    if (preset.api) {
      await expect(field(page, 'Sending method')).toHaveValue('api')
      await expect(page.getByText(preset.api.setup[0]!)).toBeVisible()
      await field(page, 'Sending method').selectOption('smtp')
    }
    if (preset.host) await expect(field(page, 'Server Host')).toHaveValue(preset.host)
    await expect(field(page, 'Server Port')).toHaveValue(String(preset.port))
    await expect(page.getByRole('link', { name: `${preset.label} documentation` })).toHaveAttribute('href', preset.docsUrl)
    await expect(page.getByText(preset.setup[0]!)).toBeVisible()
    await page.screenshot({ path: `test-results/screenshots/preset-${preset.id}.png`, fullPage: true })
  }

  await provider.selectOption({ label: 'Microsoft 365' })
  await expect(page.getByLabel('Connection security', { exact: true })).toHaveValue('starttls')
  await expect(page.getByLabel('Authentication', { exact: true })).toHaveValue('oauth_client_credentials')
  await field(page, 'Tenant ID').fill('contoso.onmicrosoft.com')
  await expect(field(page, 'Token URL')).toHaveValue('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token')
  await expect(field(page, 'Scope')).toHaveValue('https://outlook.office365.com/.default')
  // every field stays editable
  await field(page, 'Server Host').fill('smtp-legacy.office365.com')
  await expect(field(page, 'Server Host')).toHaveValue('smtp-legacy.office365.com')
  await expectNoSeriousViolations(page)

  await provider.selectOption({ label: 'Google Workspace' })
  await expect(page.getByLabel('Authentication', { exact: true })).toHaveValue('google_service_account')
  await expect(field(page, 'Service account key (JSON)')).toBeVisible()
  await expectNoSeriousViolations(page)

  // None is shown from the start, disabled with its reason while there is a sign-in; it says what it risks
  const security = page.getByLabel('Connection security', { exact: true })
  const unencrypted = security.locator('option', { hasText: 'None (internal relay, unencrypted)' })
  await expect(unencrypted).toHaveText('None (internal relay, unencrypted): only with Authentication None')
  await expect(unencrypted).toBeDisabled()
  await page.getByLabel('Authentication', { exact: true }).selectOption({ label: 'None' })
  await expect(unencrypted).toBeEnabled()
  await expect(unencrypted).toHaveText('None (internal relay, unencrypted)')
  await security.selectOption({ label: 'None (internal relay, unencrypted)' })
  await expect(page.getByText('Warning: emails travel unencrypted.')).toBeVisible()
})
