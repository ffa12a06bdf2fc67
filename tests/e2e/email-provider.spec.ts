import { expect, test, type Page } from '@playwright/test'
import { sql } from './support/db'
import { signUpAdmin } from './support/admins'
import { field, fillProvider, openProviderPage, saveProvider, updateAnyway } from './support/provider-page'
import { smtpPassword } from './support/secrets'

async function storedSettings(slug: string) {
  const rows = await sql(`select s.* from email_provider_settings s join organization o on o.id = s."orgId" where o.slug = $1`, [slug])
  return rows[0] ?? null
}

const acme = (password: string) => ({
  host: 'smtp.acme.test',
  port: '587',
  fromAddress: 'no-reply@acme.test',
  replyTo: 'support@acme.test',
  username: 'mailer',
  password,
  displayName: 'Acme Support',
})

test('Update saves; after a reload the values are kept and the password is not sent back', async ({ page }) => {
  const admin = await signUpAdmin(page, 'update')
  await page.getByRole('link', { name: 'Email Provider', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('Default provider in use')
  const password = smtpPassword()
  await saveProvider(page, acme(password))
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('smtp.acme.test:587')
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText(admin.email)

  const response = await openProviderPage(page, admin.slug)
  expect(await response!.text()).not.toContain(password)
  const flight = await page.request.get(`/orgs/${admin.slug}/settings/email-provider`, { headers: { RSC: '1' } })
  expect(await flight.text()).not.toContain(password)
  await expect(field(page, 'Server Host')).toHaveValue('smtp.acme.test')
  await expect(field(page, 'Reply-to Address')).toHaveValue('support@acme.test')
  await expect(field(page, 'Display Name')).toHaveValue('Acme Support')
  await expect(field(page, 'Password')).toHaveValue('')
  await expect(page.getByText('A password is saved. Leave blank to keep it.')).toBeVisible()

  const stored = await storedSettings(admin.slug)
  expect(stored.secrets).toMatch(/^v2:[0-9a-f]{12}:/)
  expect(stored.secrets).not.toContain(password)
  expect(stored.passwordSecret).toBeNull()
  const recent = page.getByRole('region', { name: 'Recent changes' })
  await expect(recent).toContainText('Set up the custom provider smtp.acme.test')
  await expect(recent).not.toContainText(password)
  const audit = await sql(`select details::text from audit_entry a join organization o on o.id = a."orgId" where o.slug = $1`, [admin.slug])
  expect(audit.map((row) => row.details).join()).not.toContain(password)
})

test('mistakes are shown at their fields, focus moves there, and nothing is saved', async ({ page }) => {
  const admin = await signUpAdmin(page, 'invalid')
  await openProviderPage(page, admin.slug)
  await fillProvider(page, { host: 'smtp.acme.test', port: '70000', fromAddress: 'not an email' })
  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Port must be a whole number from 1 to 65535')).toBeVisible()
  await expect(field(page, 'Server Port')).toHaveAttribute('aria-invalid', 'true')
  await expect(field(page, 'Server Port')).toBeFocused()
  await expect(page.getByText('Enter a valid From Address')).toBeVisible()
  expect(await storedSettings(admin.slug)).toBeNull()
})

test('the server re-validates what the browser sends and answers at the field', async ({ page }) => {
  const admin = await signUpAdmin(page, 'tampered')
  await openProviderPage(page, admin.slug)
  await fillProvider(page, { host: 'smtp.acme.test', port: '587', fromAddress: 'no-reply@acme.test', username: 'mailer', password: smtpPassword() })
  // Valid in the browser; rewritten on the wire as a hand-crafted request would be.
  await page.route(`**/orgs/${admin.slug}/settings/email-provider`, async (route) => {
    const body = route.request().postData() ?? ''
    await route.continue({ postData: body.replace('"port":"587"', '"port":"0"').replace('"fromAddress":"no-reply@acme.test"', '"fromAddress":["x"]') })
  })
  await updateAnyway(page) // a first set-up, untested
  await expect(page.getByText('Port must be a whole number from 1 to 65535')).toBeVisible()
  await expect(field(page, 'Server Port')).toBeFocused()
  await expect(field(page, 'From Address')).toHaveAttribute('aria-invalid', 'true')
  expect(await storedSettings(admin.slug)).toBeNull()
})

test('a blank password keeps the stored one; a new server requires it again; Authentication None drops it', async ({ page }) => {
  const admin = await signUpAdmin(page, 'keep')
  await openProviderPage(page, admin.slug)
  await saveProvider(page, acme(smtpPassword()))
  const before = await storedSettings(admin.slug)

  await openProviderPage(page, admin.slug)
  await saveProvider(page, { displayName: 'Acme Accounts' })
  const after = await storedSettings(admin.slug)
  expect(after.displayName).toBe('Acme Accounts')
  expect(after.secrets).toBe(before.secrets)

  await fillProvider(page, { host: 'smtp.attacker.test' })
  await updateAnyway(page)
  await expect(page.getByText('Enter the password again: the server changed')).toBeVisible()
  await expect(field(page, 'Password')).toBeFocused()
  expect((await storedSettings(admin.slug)).host).toBe('smtp.acme.test')

  await fillProvider(page, { host: 'smtp.acme.test' })
  await page.getByLabel('Authentication', { exact: true }).selectOption({ label: 'None' })
  await expect(field(page, 'Password')).toBeHidden()
  await updateAnyway(page) // Authentication changed
  await expect(page.getByText('Email provider updated')).toBeVisible()
  expect(await storedSettings(admin.slug)).toMatchObject({ authKind: 'none', secrets: null, passwordSecret: null, signIn: {} })
  // with nothing secret saved, the Danger Zone says so instead of promising to delete a password
  await page.reload()
  await expect(page.locator('#revert-reason')).toHaveText(
    'Deletes your custom settings (no password or secret is saved). Emails are then sent by the platform’s default provider.',
  )
  await page.getByRole('button', { name: 'Revert' }).click()
  await expect(page.getByRole('dialog', { name: 'Revert to the default provider?' })).toContainText(
    'The custom settings for smtp.acme.test:587 will be deleted.',
  )
})

test('Display Name stops at its limit in the browser and counts down near it', async ({ page }) => {
  const admin = await signUpAdmin(page, 'limits')
  await openProviderPage(page, admin.slug)
  await field(page, 'Display Name').fill('A'.repeat(70))
  await expect(page.getByText('characters left')).toHaveCount(0)
  await field(page, 'Display Name').fill('A'.repeat(90))
  await expect(page.getByText('10 characters left')).toBeVisible()
  await field(page, 'Display Name').pressSequentially('B'.repeat(40))
  await expect(field(page, 'Display Name')).toHaveValue('A'.repeat(90) + 'B'.repeat(10))
  await expect(page.getByText('0 characters left')).toBeVisible()
  await expect(field(page, 'From Address')).toHaveAttribute('maxlength', '254')
})

test('saving over a newer version says someone else changed it', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'conflict')
  await openProviderPage(page, admin.slug)
  await saveProvider(page, acme(smtpPassword()))
  const other = await browser.newPage()
  await other.context().addCookies(await page.context().cookies())
  await openProviderPage(other, admin.slug)
  await openProviderPage(page, admin.slug)
  await saveProvider(page, { displayName: 'First writer' })
  await fillProvider(other, { displayName: 'Second writer' })
  await other.getByRole('button', { name: 'Update' }).click()
  await expect(other.getByText('changed by someone else')).toBeVisible()
  await expect(other.getByRole('button', { name: 'Reload' })).toBeVisible()
  expect((await storedSettings(admin.slug)).displayName).toBe('First writer')
})

async function openRevertDialog(page: Page) {
  await page.getByRole('button', { name: 'Revert' }).click()
  const dialog = page.getByRole('dialog', { name: 'Revert to the default provider?' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('Revert needs the checkbox, then restores the default provider', async ({ page }) => {
  const admin = await signUpAdmin(page, 'revert')
  await openProviderPage(page, admin.slug)
  await expect(page.getByRole('button', { name: 'Revert' })).toBeDisabled()
  await expect(page.getByText('Nothing to revert')).toBeVisible()
  await saveProvider(page, acme(smtpPassword()))

  let dialog = await openRevertDialog(page)
  await expect(dialog).toContainText('smtp.acme.test:587, including the saved password, will be deleted')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Revert' })).toBeFocused()

  dialog = await openRevertDialog(page)
  const confirm = dialog.getByRole('button', { name: 'Confirm' })
  await expect(confirm).toBeDisabled()
  await dialog.getByRole('checkbox').check()
  await expect(confirm).toBeEnabled()
  await confirm.click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('Default provider in use')
  await expect(field(page, 'Server Host')).toHaveValue('')
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText('Reverted to the default provider')
  expect(await storedSettings(admin.slug)).toBeNull()
  await page.reload()
  await expect(field(page, 'Server Host')).toHaveValue('')
  await expect(page.getByRole('button', { name: 'Revert' })).toBeDisabled()
})

test('a Viewer sees the page read-only, and a tampered action is refused', async ({ page, browser }) => {
  const owner = await signUpAdmin(page, 'roles-owner')
  const memberPage = await browser.newPage()
  const member = await signUpAdmin(memberPage, 'roles-member')
  await sql(
    `insert into membership (id, "orgId", "userId", role) select gen_random_uuid(), o.id, u.id, 'viewer' from organization o, "user" u where o.slug = $1 and u.email = $2`,
    [owner.slug, member.email],
  )
  const response = await openProviderPage(memberPage, owner.slug)
  expect(response?.status()).toBe(200)
  await expect(field(memberPage, 'Server Host')).toBeDisabled()
  await expect(memberPage.getByRole('button', { name: 'Update' })).toHaveCount(0)

  // From their own page, aim the Server Action at the other organization: the action checks access itself.
  await openProviderPage(memberPage, member.slug)
  await fillProvider(memberPage, { host: 'smtp.evil.test', port: '587', fromAddress: 'x@evil.test', username: 'evil', password: smtpPassword() })
  await memberPage.route(`**/orgs/${member.slug}/settings/email-provider`, async (route) => {
    await route.continue({ postData: (route.request().postData() ?? '').replace(`"${member.slug}"`, `"${owner.slug}"`) })
  })
  await updateAnyway(memberPage)
  await expect(memberPage.getByText('You do not have permission')).toBeVisible()
  expect(await storedSettings(owner.slug)).toBeNull()
})

/** Shows the page's text with this run's unique names replaced, so that the screenshot is the same on every run. */
async function replaceText(page: Page, replacements: Record<string, string>) {
  await page.evaluate((pairs) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const [from, to] of pairs) node.textContent = node.textContent!.replaceAll(from, to)
    }
  }, Object.entries(replacements))
}

// The README's screenshot, written on every run so it shows the page as it is.
test('the Email Provider page at 1280 px, filled in as a new admin would, is the README screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const admin = await signUpAdmin(page, 'screenshot')
  await openProviderPage(page, admin.slug)
  await expect(field(page, 'Server Host')).toBeEditable()
  await fillProvider(page, {
    ...acme(''),
    host: 'smtp.example.com',
    fromAddress: 'no-reply@example.com',
    replyTo: 'support@example.com',
    displayName: 'Example',
  })
  await field(page, 'Display Name').blur()
  await page.evaluate(() => window.scrollTo(0, 0))
  await replaceText(page, { [admin.orgName]: 'Acme', [admin.email]: 'admin@acme.example' })
  await page.screenshot({ path: 'docs/images/email-provider.png', animations: 'disabled', caret: 'hide' })
})
