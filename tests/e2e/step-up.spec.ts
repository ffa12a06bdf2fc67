import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { signUpAdmin } from './support/admins'
import { ageSignIns, sql } from './support/db'
import { field, fillProvider, openProviderPage, saveProvider, updateAnyway } from './support/provider-page'
import { smtpPassword } from './support/secrets'

// Step-up: more than 10 minutes after signing in (the sign-in moved 11 minutes back in the database: no waiting), a
// change of where mail goes opens Confirm it's you; after the password the change is made with the values as they
// were, nothing typed again. Changes the owners are not told of never ask.

async function storedHost(slug: string): Promise<string | null> {
  const rows = await sql(`select s.host from email_provider_settings s join organization o on o.id = s."orgId" where o.slug = $1`, [slug])
  return (rows[0]?.host as string | undefined) ?? null
}

const acme = { host: 'smtp.acme.test', port: '587', fromAddress: 'no-reply@acme.test', username: 'mailer', displayName: 'Acme' }

async function screenshotAt(page: Page, width: number, name: string) {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 800 })
  await page.screenshot({ path: test.info().outputPath(name), animations: 'disabled', caret: 'hide' })
}

test('after 10 minutes a new server asks Confirm it’s you; with the password it is saved as typed', async ({ page }) => {
  test.slow() // three saves, axe and two screenshots
  const admin = await signUpAdmin(page, 'stepup')
  await openProviderPage(page, admin.slug)
  await saveProvider(page, { ...acme, password: smtpPassword() }) // just signed in: no question
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await ageSignIns(admin.email, 11)
  await openProviderPage(page, admin.slug)
  await fillProvider(page, { displayName: 'Acme Support' }) // the owners are not told of this: no question
  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await openProviderPage(page, admin.slug)
  const password = smtpPassword()
  await fillProvider(page, { host: 'smtp.moved.acme.test', password })
  await updateAnyway(page) // untested: "Send a test email first?" comes before Confirm it's you
  const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused()
  await expect(dialog.getByLabel('Code', { exact: true })).toHaveCount(0) // two-factor is off
  expect(await storedHost(admin.slug)).toBe('smtp.acme.test')
  await expectNoSeriousViolations(page)
  await screenshotAt(page, 1280, 'step-up-1280.png')
  await screenshotAt(page, 390, 'step-up-390.png')
  await page.setViewportSize({ width: 1280, height: 800 })

  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog.getByText('Enter your password', { exact: true })).toBeVisible()
  await dialog.getByLabel('Password', { exact: true }).fill('not my password')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog.getByText('This is not your current password.')).toBeVisible()
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  expect(await storedHost(admin.slug)).toBe('smtp.acme.test')

  await dialog.getByLabel('Password', { exact: true }).fill(admin.password)
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await expect(dialog).toHaveCount(0)
  expect(await storedHost(admin.slug)).toBe('smtp.moved.acme.test')
  await expect(field(page, 'Server Host')).toHaveValue('smtp.moved.acme.test')
  // the SMTP password typed before the dialog went with it: nothing was typed again
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText(/Updated Server Host.*Password replaced/)
})

test('Cancel changes nothing; a new API key after Confirm it’s you is created and shown once', async ({ page }) => {
  const admin = await signUpAdmin(page, 'stepup-key')
  await ageSignIns(admin.email, 11)
  await page.goto(`/orgs/${admin.slug}/settings/api-keys`)
  await page.getByRole('button', { name: 'Create API key' }).click()
  const createDialog = page.getByRole('dialog', { name: 'Create API key' })
  await createDialog.getByLabel('Name', { exact: true }).fill('terraform')
  await createDialog.getByRole('button', { name: 'Create' }).click()

  const confirm = page.getByRole('dialog', { name: 'Confirm it’s you' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(createDialog.getByText('Nothing was changed: this change needs you to confirm it’s you.')).toBeVisible()
  expect(await sql(`select 1 from api_key k join organization o on o.id = k."orgId" where o.slug = $1`, [admin.slug])).toHaveLength(0)

  await createDialog.getByRole('button', { name: 'Create' }).click()
  await expect(confirm).toBeVisible()
  await confirm.getByLabel('Password', { exact: true }).fill(admin.password)
  await confirm.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('dialog', { name: 'API key created' }).getByLabel('API key', { exact: true })).toHaveValue(/^mg_live_/)
  expect(await sql(`select k.name from api_key k join organization o on o.id = k."orgId" where o.slug = $1`, [admin.slug])).toEqual([{ name: 'terraform' }])
})
