import { expect, test, type Browser } from '@playwright/test'
import { E2E_DEFAULT_SMTP } from '../../playwright.config'
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp-server'
import { sql } from './support/db'
import { signUpAdmin } from './support/admins'
import { linkIn } from './support/mail'
import { openProviderPage, saveProvider } from './support/provider-page'
import { smtpPassword } from './support/secrets'

const orgCredentials = { username: 'mailer@globex.test', password: smtpPassword() }
let orgSmtp: TTestSmtpServer
let platformSmtp: TTestSmtpServer

test.beforeAll(async () => {
  orgSmtp = await startSmtpServer('starttls-auth', orgCredentials)
  platformSmtp = await startSmtpServer('starttls-auth', E2E_DEFAULT_SMTP, E2E_DEFAULT_SMTP.port)
})
test.afterAll(async () => {
  await orgSmtp.close()
  await platformSmtp.close()
})

const appUrl = () => String(test.info().project.use.baseURL)
/** Direct database checks need the PostgreSQL server; the embedded one belongs to its server process alone. */
const canQueryDatabase = () => test.info().project.name === 'postgres'

async function anonymousPage(browser: Browser) {
  return (await browser.newContext()).newPage()
}

function mailTo(server: TTestSmtpServer, address: string) {
  return server.received.filter((mail) => mail.rcptTo.includes(address))
}

test("sign-up and recovery emails arrive from the organization's sender, and after a revert from the default", async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'globex')
  await openProviderPage(page, admin.slug)
  await saveProvider(page, {
    host: 'localhost',
    port: String(orgSmtp.port),
    fromAddress: 'accounts@globex.test',
    replyTo: 'help@globex.test',
    displayName: 'Globex Accounts',
    ...orgCredentials,
  })

  const user = await anonymousPage(browser)
  const email = `user-${Date.now()}@people.test`
  await user.goto(`/t/${admin.slug}/signup`)
  // the pages speak with the provider's Display Name, not the organization's console name
  await expect(user.getByRole('main')).toContainText('Join Globex Accounts.')
  await expect(user.getByText('Already verified? Sign in to Globex Accounts where you usually do.')).toBeVisible()
  await user.getByLabel('Email', { exact: true }).fill(email)
  await user.getByLabel('Password', { exact: true }).fill('first password 1')
  await user.getByRole('button', { name: 'Sign up' }).click()
  await expect(user.getByText('Check your inbox: we sent a link to verify your email address.')).toBeVisible()

  await expect.poll(() => mailTo(orgSmtp, email).length).toBe(1)
  const [verification] = mailTo(orgSmtp, email)
  expect(verification!.parsed.from?.value).toEqual([{ name: 'Globex Accounts', address: 'accounts@globex.test' }])
  expect(verification!.parsed.replyTo?.value[0]?.address).toBe('help@globex.test')
  expect(verification!.secure).toBe(true)
  expect(verification!.user).toBe(orgCredentials.username)
  // Opening the link (as a mail scanner or a link preview does) verifies nothing: only the button's POST does.
  const verifyLink = linkIn(verification!, `${appUrl()}/t/${admin.slug}/verify?token=`)
  for (let count = 0; count < 2; count++) expect((await user.request.get(verifyLink)).status()).toBe(200)
  await user.goto(verifyLink)
  await expect(user.getByRole('heading', { name: 'Verify your email' })).toBeVisible()
  // verifying proves the sign-up password is known: someone else may have signed this address up
  await user.getByLabel('Password', { exact: true }).fill('not what was chosen')
  await user.getByRole('button', { name: 'Verify email' }).click()
  await expect(user.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/This is not the password chosen at sign-up/)
  await user.getByLabel('Password', { exact: true }).fill('first password 1')
  await user.getByRole('button', { name: 'Verify email' }).click()
  await expect(user.getByRole('heading', { name: 'Email verified' })).toBeVisible()

  await user.goto(`/t/${admin.slug}/recover`)
  await user.getByLabel('Email', { exact: true }).fill(email)
  await user.getByRole('button', { name: 'Send recovery email' }).click()
  await expect(user.getByText('If an account exists for that address, we sent a link to reset the password.')).toBeVisible()
  await expect.poll(() => mailTo(orgSmtp, email).length).toBe(2)
  const before = canQueryDatabase() ? await sql(`select "passwordHash" from org_user where email = $1`, [email]) : []
  await user.goto(linkIn(mailTo(orgSmtp, email)[1]!, `${appUrl()}/t/${admin.slug}/reset?token=`))
  await user.getByLabel('New password', { exact: true }).fill('second password 2')
  await user.getByRole('button', { name: 'Reset password' }).click()
  await expect(user.getByText('Your password has been reset')).toBeVisible()
  if (canQueryDatabase()) {
    const after = await sql(`select "passwordHash" from org_user where email = $1`, [email])
    expect(after[0]!.passwordHash).not.toBe(before[0]!.passwordHash)
  }

  await openProviderPage(page, admin.slug)
  const deliveries = page.getByRole('region', { name: 'Recent deliveries' })
  await expect(deliveries.getByRole('row').filter({ hasText: email })).toHaveCount(2)
  await expect(deliveries).toContainText(`custom (localhost:${orgSmtp.port})`)

  await page.getByRole('button', { name: 'Revert' }).click()
  await page.getByRole('dialog').getByRole('checkbox').check()
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('Default provider in use')

  await user.goto(`/t/${admin.slug}/recover`)
  await user.getByLabel('Email', { exact: true }).fill(email)
  await user.getByRole('button', { name: 'Send recovery email' }).click()
  await expect.poll(() => mailTo(platformSmtp, email).length).toBe(1)
  expect(mailTo(platformSmtp, email)[0]!.parsed.from?.value).toEqual([{ name: 'Platform Mail', address: 'no-reply@platform.test' }])
  expect(mailTo(platformSmtp, email)[0]!.user).toBe(E2E_DEFAULT_SMTP.username)
  expect(mailTo(orgSmtp, email)).toHaveLength(2)
})

test('sign-up and recovery answer the same for registered and unknown emails', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'enum')
  const known = `known-${Date.now()}@people.test`
  const unknown = `unknown-${Date.now()}@people.test`
  const user = await anonymousPage(browser)

  const signUp = async (email: string) => {
    await user.goto(`/t/${admin.slug}/signup`)
    await user.getByLabel('Email', { exact: true }).fill(email)
    await user.getByLabel('Password', { exact: true }).fill('some password 1')
    await user.getByRole('button', { name: 'Sign up' }).click()
    await expect(user.getByRole('status')).toBeVisible()
    return user.getByRole('main').innerText()
  }
  const recover = async (email: string) => {
    await user.goto(`/t/${admin.slug}/recover`)
    await user.getByLabel('Email', { exact: true }).fill(email)
    await user.getByRole('button', { name: 'Send recovery email' }).click()
    await expect(user.getByRole('status')).toBeVisible()
    return user.getByRole('main').innerText()
  }

  const first = await signUp(known)
  expect(await signUp(known)).toBe(first)
  expect(await signUp(unknown)).toBe(first)
  expect(await recover(known)).toBe(await recover(`nobody-${Date.now()}@people.test`))
  // the owner of the address is told someone tried (default provider: this org has no custom one)
  await expect.poll(() => mailTo(platformSmtp, known).map((mail) => mail.parsed.subject ?? '')).toHaveLength(3)
})

test('after sign-up and recovery: Resend email (within the limits) and Use another address', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'resend')
  const email = `resend-${Date.now()}@people.test`
  const user = await anonymousPage(browser)

  await user.goto(`/t/${admin.slug}/signup`)
  await user.getByLabel('Email', { exact: true }).fill(email)
  await user.getByLabel('Password', { exact: true }).fill('some password 1')
  await user.getByRole('button', { name: 'Sign up' }).click()
  await expect(user.getByText('Check your inbox: we sent a link to verify your email address.')).toBeVisible()
  await user.getByRole('button', { name: 'Resend email' }).click()
  await expect(user.getByRole('status').filter({ hasText: 'Sent again' })).toBeVisible()
  await expect.poll(() => mailTo(platformSmtp, email).length).toBe(2)
  // 5 per address and hour: the sixth request is refused with the wait
  for (let count = 3; count <= 5; count++) {
    await user.getByRole('button', { name: 'Resend email' }).click()
    await expect(user.getByRole('status').filter({ hasText: 'Sent again' })).toBeVisible()
  }
  await user.getByRole('button', { name: 'Resend email' }).click()
  await expect(user.getByRole('alert').filter({ hasText: 'Too many attempts. Please wait' })).toBeVisible()
  await user.getByRole('button', { name: 'Use another address' }).click()
  await expect(user.getByLabel('Email', { exact: true })).toBeFocused()
  await expect(user.getByLabel('Email', { exact: true })).toHaveValue('')

  await user.goto(`/t/${admin.slug}/recover`)
  await user.getByLabel('Email', { exact: true }).fill(`other-${email}`)
  await user.getByRole('button', { name: 'Send recovery email' }).click()
  await expect(user.getByText('If an account exists for that address, we sent a link to reset the password.')).toBeVisible()
  await user.getByRole('button', { name: 'Resend email' }).click()
  await expect(user.getByRole('status').filter({ hasText: 'Sent again' })).toBeVisible()
  await user.getByRole('button', { name: 'Use another address' }).click()
  await expect(user.getByLabel('Email', { exact: true })).toBeFocused()
  await expect(user.getByLabel('Email', { exact: true })).toHaveValue('')
})

test('a bad link or a missing token gets a clear page, an unknown organization a 404', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'links')
  const user = await anonymousPage(browser)
  for (const path of ['verify?token=not-a-real-token-at-all-000', 'reset?token=not-a-real-token-at-all-000', 'verify']) {
    const response = await user.goto(`/t/${admin.slug}/${path}`)
    expect(response?.status()).toBe(200)
    await expect(user.getByRole('heading', { name: 'This link is invalid or has expired' })).toBeVisible()
  }
  for (const path of ['signup', 'recover', 'verify?token=not-a-real-token-at-all-000']) {
    expect((await user.goto(`/t/no-such-org-here/${path}`))?.status()).toBe(404)
    await expect(user.getByRole('main')).toContainText(
      "We couldn't find this sign-up page. Check the link you were given, or contact the organization that sent you here.",
    )
    // end users, not admins: no way into the console
    await expect(user.getByRole('link')).toHaveCount(0)
  }
})
