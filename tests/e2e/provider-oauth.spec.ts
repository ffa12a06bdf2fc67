import { expect, test, type Page } from '@playwright/test'
import { startTokenEndpoint, tokenAnswer, type TTokenEndpoint } from '../support/token-endpoint'
import { startXOAuth2Server, type TXOAuth2Server } from '../support/xoauth2-smtp-server'
import { signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { field, fillProvider, openProviderPage } from './support/provider-page'
import { SECRET_MARKER, smtpPassword } from './support/secrets'

// Microsoft 365 as the console meets it, with both ends local: a token endpoint (client credentials, HTTPS with the
// test CA) and an SMTP server that accepts only XOAUTH2 with the tokens that endpoint issued.
const mailbox = 'mailer@contoso.test'
const clientSecret = smtpPassword()
const issued = new Set<string>()
let endpoint: TTokenEndpoint
let smtp: TXOAuth2Server

test.beforeAll(async () => {
  endpoint = await startTokenEndpoint(({ params }) => {
    if (params.get('client_secret') !== clientSecret || params.get('client_id') !== 'e2e-app') {
      return { status: 401, json: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } }
    }
    const token = `${SECRET_MARKER}-token-${issued.size + 1}`
    issued.add(token)
    return tokenAnswer(token)
  })
  smtp = await startXOAuth2Server({ isValid: (token, username) => issued.has(token) && username === mailbox })
})
test.afterAll(async () => {
  await endpoint.close()
  await smtp.close()
})

async function fillMicrosoft365(page: Page, secret: string) {
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Microsoft 365' })
  await fillProvider(page, { host: 'localhost', port: String(smtp.port), fromAddress: mailbox, displayName: 'Contoso' })
  await field(page, 'Username').fill(mailbox)
  await field(page, 'Token URL').fill(endpoint.url)
  await field(page, 'Client ID').fill('e2e-app')
  await field(page, 'Client Secret').fill(secret)
}

async function sendTestEmail(page: Page) {
  await page.getByRole('button', { name: 'Send test email' }).click()
  const dialog = page.getByRole('dialog', { name: 'Send test email' })
  await dialog.getByRole('button', { name: 'Send' }).click()
  return dialog
}

test('OAuth 2.0 client credentials: test email, Update, then an org user’s verification email, all with XOAUTH2', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'oauth')
  await openProviderPage(page, admin.slug)
  await fillMicrosoft365(page, clientSecret)
  const dialog = await sendTestEmail(page)
  await expect(dialog.getByText(`Test email sent to ${admin.email}`)).toBeVisible()
  const steps = dialog.getByRole('list', { name: 'SMTP conversation' })
  await expect(steps).toContainText('Access token')
  await expect(steps).toContainText('localhost')
  await expect(steps).not.toContainText(SECRET_MARKER)
  const [testMail] = await smtp.waitForMessages(1)
  expect(testMail!.rcptTo).toEqual([admin.email])
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('Microsoft 365')
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('OAuth 2.0 client credentials')

  const html = await (await page.request.get(`/orgs/${admin.slug}/settings/email-provider`)).text()
  const flight = await (await page.request.get(`/orgs/${admin.slug}/settings/email-provider`, { headers: { RSC: '1' } })).text()
  for (const body of [html, flight]) {
    expect(body).not.toContain(clientSecret)
    expect(body).not.toContain(Buffer.from(clientSecret).toString('base64'))
  }
  await page.reload()
  await expect(field(page, 'Client Secret')).toHaveValue('')
  await expect(page.getByText('A client secret is saved. Leave blank to keep it.')).toBeVisible()
  await expectNoSeriousViolations(page)

  const user = await (await browser.newContext()).newPage()
  const email = `oauth-user-${Date.now()}@people.test`
  await user.goto(`/t/${admin.slug}/signup`)
  await user.getByLabel('Email', { exact: true }).fill(email)
  await user.getByLabel('Password', { exact: true }).fill('first password 1')
  await user.getByRole('button', { name: 'Sign up' }).click()
  await expect(user.getByText('Check your inbox: we sent a link to verify your email address.')).toBeVisible()
  await expect.poll(() => smtp.received.filter((mail) => mail.rcptTo.includes(email)).length, { timeout: 20_000 }).toBe(1)
  const verification = smtp.received.find((mail) => mail.rcptTo.includes(email))!
  expect(verification.parsed.from?.value).toEqual([{ name: 'Contoso', address: mailbox }])
  expect(smtp.attempts.every((attempt) => attempt.username === mailbox)).toBe(true)
})

test('a wrong client secret fails at the Token step, on the Client Secret field', async ({ page }) => {
  const admin = await signUpAdmin(page, 'oauth-wrong')
  await openProviderPage(page, admin.slug)
  await fillMicrosoft365(page, `${SECRET_MARKER}-wrong-secret`)
  const before = smtp.received.length
  const dialog = await sendTestEmail(page)
  await expect(dialog.getByText(/refused the client secret/).first()).toBeVisible()
  await expect(dialog).not.toContainText('wrong-secret')
  await page.screenshot({ path: 'test-results/screenshots/oauth-token-step-failure.png', fullPage: true })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(field(page, 'Client Secret')).toHaveAttribute('aria-invalid', 'true')
  expect(smtp.received.length).toBe(before)
})
