import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { signUpAdmin } from './support/admins'
import { fillProvider, openProviderPage, saveProvider } from './support/provider-page'
import { smtpPassword } from './support/secrets'

test('auth pages pass axe', async ({ page }) => {
  await page.goto('/signup')
  await expectNoSeriousViolations(page)
  await page.goto('/login')
  await expectNoSeriousViolations(page)
})

test("an organization's sign-in page passes axe: empty, with field errors, with a refused sign-in", async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'axe-org-login')
  const user = await (await browser.newContext()).newPage()
  await user.goto(`/t/${admin.slug}/login`)
  await expectNoSeriousViolations(user)
  await user.getByRole('button', { name: 'Sign in' }).click()
  await expect(user.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(/Enter your email address/)
  await expectNoSeriousViolations(user)
  await user.getByLabel('Email', { exact: true }).fill('nobody@people.test')
  await user.getByLabel('Password', { exact: true }).fill('not a password')
  await user.getByRole('button', { name: 'Sign in' }).click()
  await expect(user.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
  await expectNoSeriousViolations(user)
})

test('the Email Provider page passes axe: default, with errors, with the dialog open', async ({ page }) => {
  const admin = await signUpAdmin(page, 'axe')
  await expectNoSeriousViolations(page)
  await openProviderPage(page, admin.slug)
  await expectNoSeriousViolations(page)
  await fillProvider(page, { host: 'bad host', port: 'x', fromAddress: 'nope' })
  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Port must be a whole number from 1 to 65535')).toBeVisible()
  await expectNoSeriousViolations(page)
  await saveProvider(page, { host: 'smtp.acme.test', port: '587', fromAddress: 'no-reply@acme.test', username: 'u', password: smtpPassword() })
  await page.getByRole('button', { name: 'Revert' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectNoSeriousViolations(page)
})

test('the Email Provider form is keyboard-usable', async ({ page }) => {
  const admin = await signUpAdmin(page, 'keyboard')
  await openProviderPage(page, admin.slug)
  await page.getByLabel('Server Host', { exact: true }).focus()
  const order: string[] = []
  for (let step = 0; step < 9; step++) {
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent ?? ''))
    await page.keyboard.press('Tab')
  }
  expect(order).toEqual(['host', 'port', 'security', 'authKind', 'username', 'password', 'fromAddress', 'displayName', 'replyTo'])
})
