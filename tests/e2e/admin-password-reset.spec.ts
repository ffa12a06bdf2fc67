import { expect, test } from '@playwright/test'
import { signIn, signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { linkIn, platformInbox } from './support/mail'

// A console admin who forgot the password (issue 26): Forgot password? → an email through the platform's default
// provider (this inbox) → the link page, which a mail scanner can open without using the link → New password → every
// session signed out → Sign in with the new password. Any address gets the same answer.

const { mailsTo } = platformInbox()
const appUrl = () => String(test.info().project.use.baseURL)
const SENT = 'If an account exists for that address, we sent a link to reset its password.'
const resetMails = (email: string) => mailsTo(email).filter((mail) => mail.parsed.subject === 'Reset your Mailgate password')

test('Forgot password? emails a link; the scanner uses nothing; the reset signs every session out and the new password works', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'forgot')
  const other = await (await browser.newContext()).newPage()

  await other.goto('/login')
  await other.getByRole('link', { name: 'Forgot password?' }).click()
  await expect(other).toHaveURL(/\/forgot-password$/)
  await other.getByRole('button', { name: 'Send reset link' }).click()
  await expect(other.getByLabel('Email', { exact: true })).toBeFocused()
  await expect(other.getByText('Enter your email address')).toBeVisible()

  // an unknown address gets exactly the same answer, and no email
  await other.getByLabel('Email', { exact: true }).fill(`nobody-${admin.slug}@example.com`)
  await other.getByRole('button', { name: 'Send reset link' }).click()
  await expect(other.getByText(SENT)).toBeVisible()
  await other.getByRole('button', { name: 'Use another address' }).click()
  await other.getByLabel('Email', { exact: true }).fill(admin.email)
  await other.getByRole('button', { name: 'Send reset link' }).click()
  await expect(other.getByText(SENT)).toBeVisible()
  await expectNoSeriousViolations(other)

  await expect.poll(() => resetMails(admin.email).length).toBe(1)
  const mail = resetMails(admin.email)[0]!
  expect(mail.parsed.from?.value[0]?.address).toBe('no-reply@platform.test')
  const link = linkIn(mail, `${appUrl()}/reset-password?token=`)

  const scanner = await (await browser.newContext()).newPage()
  const opened = await scanner.goto(link)
  expect(opened?.headers()['referrer-policy']).toBe('no-referrer')
  await scanner.goto(link)
  await expect(scanner.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()

  await other.goto(link)
  await expectNoSeriousViolations(other)
  await other.getByLabel('New password').fill('short')
  await other.getByRole('button', { name: 'Reset password' }).click()
  await expect(other.getByText('Use at least 10 characters')).toBeVisible()
  const newPassword = `${admin.password} renewed`
  await other.getByLabel('New password').fill(newPassword)
  await other.getByRole('button', { name: 'Reset password' }).click()
  await expect(other.getByText('Your password has been reset.')).toBeVisible()

  // the first browser's session is gone
  await page.reload()
  await expect(page).toHaveURL(/\/login/)
  await other.goto(link)
  await expect(other.getByRole('heading', { name: 'This link is invalid or has expired' })).toBeVisible()

  await signIn(other, admin.email, admin.password)
  await expect(other.getByText('Incorrect email or password', { exact: false })).toBeVisible()
  await signIn(other, admin.email, newPassword)
  await expect(other).toHaveURL(new RegExp(`/orgs/${admin.slug}$`))
})
