import { expect, test, type Page } from '@playwright/test'
import { E2E_DEFAULT_SMTP } from '../../playwright.config'
import { expectNoSeriousViolations } from './support/axe'
import { signUpAdmin } from './support/admins'
import { sql } from './support/db'
import { platformInbox } from './support/mail'
import { field, fillProvider, openProviderPage, saveProvider, testFirstDialog } from './support/provider-page'
import { smtpPassword } from './support/secrets'

// Update offers the test email first when the target changed and nothing was tested on this page (issue 30, point 6):
// saving anyway stays possible; a successful test with the same target lets Update save at once.

const inbox = platformInbox() // the e2e default SMTP server, tested here as the organization's own server

async function storedHost(slug: string): Promise<string | null> {
  const rows = await sql(`select s.host from email_provider_settings s join organization o on o.id = s."orgId" where o.slug = $1`, [slug])
  return (rows[0]?.host as string | undefined) ?? null
}

async function screenshotAt(page: Page, width: number, name: string) {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 800 })
  await page.screenshot({ path: test.info().outputPath(name), animations: 'disabled', caret: 'hide' })
}

test('a new host untested asks "Send a test email first?"; Update anyway saves; after a successful test Update saves at once', async ({ page }) => {
  test.slow() // three saves, a test email, axe and two screenshots
  const admin = await signUpAdmin(page, 'test-first')
  await openProviderPage(page, admin.slug)
  // a first set-up counts as a change of target (saveProvider expects the question and answers Update anyway)
  await saveProvider(page, { host: 'smtp.first.test', port: '587', fromAddress: 'no-reply@acme.test', username: 'mailer', password: smtpPassword() })
  expect(await storedHost(admin.slug)).toBe('smtp.first.test')

  // how mail looks is no change of target: no question
  await fillProvider(page, { displayName: 'Acme Support', replyTo: 'help@acme.test' })
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await expect.poll(async () => (await sql(`select "displayName" from email_provider_settings`)).some((row) => row.displayName === 'Acme Support')).toBe(true)
  await expect(testFirstDialog(page)).toHaveCount(0)

  await fillProvider(page, { host: 'smtp.second.test', password: smtpPassword() })
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  const dialog = testFirstDialog(page)
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('smtp.second.test:587')
  await expect(dialog.getByRole('button', { name: 'Send test email' })).toBeFocused()
  await expectNoSeriousViolations(page)
  await screenshotAt(page, 1280, 'test-first-1280.png')
  await screenshotAt(page, 390, 'test-first-390.png')
  await page.setViewportSize({ width: 1280, height: 800 })

  // Esc goes back to the form: nothing saved, nothing lost
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Update', exact: true })).toBeFocused()
  await expect(field(page, 'Server Host')).toHaveValue('smtp.second.test')
  expect(await storedHost(admin.slug)).toBe('smtp.first.test')

  // Cancel alike; then Update anyway saves as before
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await storedHost(admin.slug)).toBe('smtp.first.test')
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await dialog.getByRole('button', { name: 'Update anyway' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await expect.poll(() => storedHost(admin.slug)).toBe('smtp.second.test')

  // another host: the question's Send test email opens the test with the form's values; once it succeeded, no question
  await fillProvider(page, { host: 'localhost', port: String(E2E_DEFAULT_SMTP.port), username: E2E_DEFAULT_SMTP.username, password: E2E_DEFAULT_SMTP.password })
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await dialog.getByRole('button', { name: 'Send test email' }).click()
  await expect(dialog).toBeHidden()
  const testDialog = page.getByRole('dialog', { name: 'Send test email' })
  await expect(testDialog.getByLabel('Recipient')).toBeFocused()
  await testDialog.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(testDialog.getByText(`Test email sent to ${admin.email}`)).toBeVisible()
  // the same server also takes the platform's mail (the verification email, the owners' notices): count the test's
  await expect.poll(() => inbox.mailsTo(admin.email).filter((mail) => mail.parsed.subject?.startsWith('Test email from')).length).toBe(1)
  expect(await storedHost(admin.slug)).toBe('smtp.second.test') // the test saved nothing
  await testDialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await expect.poll(() => storedHost(admin.slug)).toBe('localhost')
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await expect(testFirstDialog(page)).toHaveCount(0)

  // a change after the test is untested again
  await fillProvider(page, { port: '2' })
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
