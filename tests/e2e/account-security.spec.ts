import { expect, test, type Page } from '@playwright/test'
import { generate } from 'otplib'
import { signIn, signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'

// Account › Security end to end: change password, two-factor with an authenticator app (the code computed from the
// setup key the page shows), sign-in's second step with a code and with a recovery code, and the sessions list.

/** A code the authenticator app would show now, for the setup key on the page. */
const codeFor = (secret: string) => generate({ secret })

async function openSecurity(page: Page) {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click()
  await expect(page).toHaveURL(/\/account\/security$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page).toHaveURL(/\/login$/)
}

test('change password, two-factor with a code and a recovery code, sessions', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const admin = await signUpAdmin(page, 'security')
  const other = await (await browser.newContext()).newPage()
  await signIn(other, admin.email, admin.password)
  await expect(other).toHaveURL(new RegExp(`/orgs/${admin.slug}$`))

  await openSecurity(page)
  const password = page.getByRole('region', { name: 'Change password' })
  await password.getByLabel('Current password').fill('not my password at all')
  await password.getByLabel('New password').fill('a brand new passphrase')
  await password.getByRole('button', { name: 'Change password' }).click()
  await expect(password.getByText('This is not your current password.')).toBeVisible()
  await expect(password.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true')
  await password.getByLabel('Current password').fill(admin.password)
  await password.getByRole('button', { name: 'Change password' }).click()
  await expect(password.getByText('Your password has been changed.')).toBeVisible()
  const newPassword = 'a brand new passphrase'
  // the other browser was signed out by the change
  await other.goto(`/orgs/${admin.slug}`)
  await expect(other).toHaveURL(/\/login\?next=/)

  const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' })
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click()
  await twoFactor.getByLabel('Password').fill(newPassword)
  await twoFactor.getByRole('button', { name: 'Continue' }).click()
  await expect(twoFactor.getByRole('img', { name: /QR code/ })).toBeVisible()
  const secret = (await twoFactor.getByTestId('totp-secret').textContent())!.trim()
  await expectNoSeriousViolations(page)
  await twoFactor.getByLabel('Code').fill('000000')
  await twoFactor.getByRole('button', { name: 'Confirm' }).click()
  await expect(twoFactor.getByText('This code is not correct.')).toBeVisible()
  await twoFactor.getByLabel('Code').fill(await codeFor(secret))
  await twoFactor.getByRole('button', { name: 'Confirm' }).click()
  const codes = twoFactor.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  const recoveryCode = (await codes.first().textContent())!.trim()
  await expectNoSeriousViolations(page)
  await twoFactor.getByRole('button', { name: 'I have stored them' }).click()
  await expect(twoFactor.getByText('On.')).toBeVisible()

  await signOut(page)
  await signIn(page, admin.email, newPassword, '/account/security')
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.getByLabel('Code').fill('000000')
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByText('This code is not correct.')).toBeVisible()
  await page.getByLabel('Code').fill(await codeFor(secret))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page).toHaveURL(/\/account\/security$/)

  // a recovery code instead, in the other browser; it lands in the console
  await signIn(other, admin.email, newPassword)
  await other.getByRole('button', { name: 'Use a recovery code' }).click()
  await other.getByLabel('Recovery code').fill(recoveryCode)
  await other.getByRole('button', { name: 'Verify' }).click()
  await expect(other).toHaveURL(new RegExp(`/orgs/${admin.slug}$`))

  await page.reload()
  const sessions = page.getByRole('region', { name: 'Sessions' }).getByRole('list', { name: 'Sessions' }).getByRole('listitem')
  await expect(sessions).toHaveCount(2)
  await expect(sessions.first()).toContainText('This device')
  await expect(sessions.first()).toContainText(/Chrome|Chromium|Unknown/)
  await page.getByRole('button', { name: 'Sign out other sessions' }).click()
  await expect(page.getByText('Your other sessions were signed out.')).toBeVisible()
  await expect(sessions).toHaveCount(1)
  await other.goto(`/orgs/${admin.slug}`)
  await expect(other).toHaveURL(/\/login\?next=/)

  // the recovery code was used up
  await signIn(other, admin.email, newPassword)
  await other.getByRole('button', { name: 'Use a recovery code' }).click()
  await other.getByLabel('Recovery code').fill(recoveryCode)
  await other.getByRole('button', { name: 'Verify' }).click()
  await expect(other.getByText('This code is not correct.')).toBeVisible()
})

test('the page needs a signed-in admin', async ({ page }) => {
  const response = await page.request.get('/account/security', { maxRedirects: 0 })
  expect(response.status()).toBe(307)
  expect(response.headers().location).toBe('/login?next=%2Faccount%2Fsecurity')
})

test('the phone drawer links to Security', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage()
  await signUpAdmin(page, 'security-phone')
  await page.getByRole('button', { name: 'Open menu' }).click()
  await page.getByRole('dialog').getByRole('link', { name: 'Security' }).click()
  await expect(page).toHaveURL(/\/account\/security$/)
})
