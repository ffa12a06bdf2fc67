import { expect, test } from '@playwright/test'
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp-server'
import { startRefusingSmtpServer } from '../support/refusing-smtp-server'
import { signUpAdmin } from './support/admins'
import { field, fillProvider, openProviderPage } from './support/provider-page'
import { smtpPassword } from './support/secrets'

const credentials = { username: 'mailer@acme.test', password: smtpPassword() }
let smtp: TTestSmtpServer

test.beforeAll(async () => {
  smtp = await startSmtpServer('starttls-auth', credentials)
})
test.afterAll(async () => {
  await smtp.close()
})

test('Send test email delivers with the unsaved form values and shows each step', async ({ page }) => {
  const admin = await signUpAdmin(page, 'test-email')
  await openProviderPage(page, admin.slug)
  await fillProvider(page, {
    host: 'localhost',
    port: String(smtp.port),
    fromAddress: 'no-reply@acme.test',
    replyTo: 'help@acme.test',
    displayName: 'Acme "Support", Inc.',
    ...credentials,
  })
  await page.getByRole('button', { name: 'Send test email' }).click()
  const dialog = page.getByRole('dialog', { name: 'Send test email' })
  await expect(dialog.getByLabel('Recipient')).toHaveValue(admin.email)
  // no owner has verified their address yet: only the admin's own address
  await dialog.getByLabel('Recipient').fill('stranger@elsewhere.example')
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByText(/test emails go only to your own address/)).toBeVisible()
  await expect(dialog.getByLabel('Recipient')).toHaveAccessibleDescription(/test emails go only to your own address/)
  await dialog.getByLabel('Recipient').fill(admin.email)
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByText(`Test email sent to ${admin.email}`)).toBeVisible()
  await expect(dialog.getByText(/Server replied .*250/)).toBeVisible()
  const steps = dialog.getByRole('list', { name: 'SMTP conversation' })
  for (const stage of ['DNS lookup', 'TCP connect', 'TLS', 'EHLO', 'AUTH', 'MAIL FROM', 'RCPT TO', 'DATA']) {
    await expect(steps.getByText(stage, { exact: true })).toBeVisible()
  }

  const [mail] = await smtp.waitForMessages(1)
  expect(mail!.secure).toBe(true)
  expect(mail!.user).toBe(credentials.username)
  expect(mail!.rcptTo).toEqual([admin.email])
  expect(mail!.parsed.from?.value).toEqual([{ name: 'Acme "Support", Inc.', address: 'no-reply@acme.test' }])
  expect(mail!.parsed.replyTo?.value[0]?.address).toBe('help@acme.test')
  expect(mail!.parsed.text).toContain(admin.orgName)
  expect(mail!.parsed.html).toBeTruthy()

  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('Default provider in use')
  // test emails are listed behind the filter: the default view shows configuration changes only
  const recent = page.getByRole('region', { name: 'Recent changes' })
  await expect(recent).not.toContainText('Sent a test email')
  await recent.getByRole('link', { name: 'Changes and test emails' }).click()
  await expect(recent.getByRole('link', { name: 'Changes and test emails' })).toHaveAttribute('aria-current', 'page')
  await expect(recent).toContainText(`Sent a test email to ${admin.email}: sent`)
})

test('a wrong password is reported at the Password field and no mail is stored', async ({ page }) => {
  const admin = await signUpAdmin(page, 'test-email-auth')
  await openProviderPage(page, admin.slug)
  const before = smtp.received.length
  await fillProvider(page, {
    host: 'localhost',
    port: String(smtp.port),
    fromAddress: 'no-reply@acme.test',
    username: credentials.username,
    password: smtpPassword(),
  })
  await page.getByRole('button', { name: 'Send test email' }).click()
  const dialog = page.getByRole('dialog', { name: 'Send test email' })
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByText('Authentication failed: the server rejected the username or password').first()).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'SMTP conversation' })).toContainText('535')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(field(page, 'Password')).toHaveAttribute('aria-invalid', 'true')
  expect(smtp.received.length).toBe(before)
})

test('a refusal the From domain causes links the Sender domain card, and the link closes the dialog there', async ({ page }) => {
  const gmail = await startRefusingSmtpServer('data', { code: 550, text: '5.7.27 The sender does not meet basic SPF requirements - gsmtp' }, credentials)
  try {
    const admin = await signUpAdmin(page, 'test-email-spf')
    await openProviderPage(page, admin.slug)
    await fillProvider(page, { host: 'localhost', port: String(gmail.port), fromAddress: 'no-reply@acme.test', ...credentials })
    await page.getByRole('button', { name: 'Send test email' }).click()
    const dialog = page.getByRole('dialog', { name: 'Send test email' })
    await dialog.getByRole('button', { name: 'Send' }).click()
    await expect(dialog.getByText('Gmail refused the message: SPF failed for the MAIL FROM domain').first()).toBeVisible()
    await dialog.getByRole('link', { name: 'Open Sender domain' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('heading', { name: 'Sender domain' })).toBeFocused()
    await expect(page.getByRole('heading', { name: 'Sender domain' })).toBeInViewport()
  } finally {
    await gmail.close()
  }
})
