import { expect, test } from '@playwright/test'
import { E2E_POSTMARK_PORT } from '../../playwright.config'
import { startPostmarkFake, type TPostmarkFake } from '../support/postmark-fake'
import { signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { field, openProviderPage } from './support/provider-page'
import { smtpPassword } from './support/secrets'

// Postmark over its API (issue 27) against a fake of its API (MAIL_API_BASE_URLS): choose Postmark, API, an API key,
// Send test email step by step, Update; the key never comes back to the browser.

const token = smtpPassword()
let postmark: TPostmarkFake

test.beforeAll(async () => {
  postmark = await startPostmarkFake({ port: E2E_POSTMARK_PORT, token })
})
test.afterAll(async () => {
  await postmark.close()
})

test('Postmark over its API: Sending method, API key, Send test email, Update; the key is write-only', async ({ page }) => {
  // one long flow (sign-up, test email, save, reload, two axe runs, screenshots)
  test.setTimeout(150_000)
  const admin = await signUpAdmin(page, 'postmark-api')
  await openProviderPage(page, admin.slug)
  await field(page, 'Provider').selectOption({ label: 'Postmark' })
  await expect(field(page, 'Sending method')).toHaveValue('api')
  await expect(field(page, 'Server Host')).toBeHidden()
  await expect(field(page, 'Authentication')).toBeHidden()
  await expect(field(page, 'API key')).toHaveAccessibleDescription(/Server API token/)
  await field(page, 'API key').fill(token)
  await field(page, 'From Address').fill(admin.email)
  await field(page, 'Display Name').fill('Acme')

  await page.getByRole('button', { name: 'Send test email' }).click()
  const dialog = page.getByRole('dialog', { name: 'Send test email' })
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByText(`Test email sent to ${admin.email}`)).toBeVisible()
  const steps = dialog.getByRole('list', { name: 'SMTP conversation' })
  for (const stage of ['Resolve', 'Connect', 'Authenticate', 'Send', 'Accepted']) await expect(steps.getByText(stage, { exact: true })).toBeVisible()
  await expect(steps).toContainText(postmark.accepted.at(-1)!.messageId)
  expect(postmark.accepted.at(-1)!.call.json).toMatchObject({ From: `"Acme" <${admin.email}>`, To: admin.email })
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: 'test-results/postmark-test-email-1280.png', fullPage: true })
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('Postmark · API')
  await page.reload()
  await expect(field(page, 'Sending method')).toHaveValue('api')
  await expect(field(page, 'API key')).toHaveValue('')
  await expect(field(page, 'API key')).toHaveAccessibleDescription('An API key is saved. Leave blank to keep it.')
  expect(await page.content()).not.toContain(token)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: 'test-results/postmark-1280.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/postmark-390.png', fullPage: true })

  // back to SMTP: its fields and Postmark's sign-in return
  await field(page, 'Sending method').selectOption('smtp')
  await expect(field(page, 'Server Host')).toHaveValue('smtp.postmarkapp.com')
  await expect(field(page, 'Authentication')).toHaveValue('password')
})
