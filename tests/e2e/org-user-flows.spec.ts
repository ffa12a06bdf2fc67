import { expect, test, type Browser, type Page } from '@playwright/test'
import { E2E_DEFAULT_SMTP } from '../../playwright.config'
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp-server'
import { sql } from './support/db'
import { signUpAdmin } from './support/admins'
import { linkIn } from './support/mail'
import { openProviderPage, saveProvider } from './support/provider-page'
import { smtpPassword } from './support/secrets'
import { expectNoSeriousViolations } from './support/axe'

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

/** A screenshot of the page at a desktop and a phone width, to look at (test-results/screenshots/pages/). */
async function screenshotAtBothWidths(page: Page, name: string) {
  for (const [width, size] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size)
    await page.screenshot({ path: `test-results/screenshots/pages/${width}-${name}.png`, fullPage: true })
  }
}

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
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
  await expect(user.getByRole('link', { name: 'Sign in to Globex Accounts' })).toHaveAttribute('href', `/t/${admin.slug}/login`)
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
  await expect(user.getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute('href', `/t/${admin.slug}/login`)
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

test('sign in after verifying: the account page, Sign out; a wrong password or an unverified address is told at the form', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'signin')
  const email = `signin-${Date.now()}@people.test`
  const user = await anonymousPage(browser)
  const loginUrl = new RegExp(`/t/${admin.slug}/login\\?next=%2Ft%2F${admin.slug}%2Faccount$`)

  // signed out, the account page leads to sign-in (and back afterwards)
  await user.goto(`/t/${admin.slug}/account`)
  await expect(user).toHaveURL(loginUrl)
  await expect(user.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await user.getByRole('link', { name: 'Sign up' }).click()
  await expect(user.getByRole('heading', { name: 'Create your account' })).toBeVisible()
  await user.getByLabel('Email', { exact: true }).fill(email)
  await user.getByLabel('Password', { exact: true }).fill('first password 1')
  await user.getByRole('button', { name: 'Sign up' }).click()
  await expect(user.getByText('Check your inbox: we sent a link to verify your email address.')).toBeVisible()
  await expect.poll(() => mailTo(platformSmtp, email).length).toBe(1)

  // not verified yet: only the right password learns that, and can have the email sent again
  await user.goto(`/t/${admin.slug}/login`)
  await signInWith(user, email, 'not the password')
  await expect(user.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
  await expect(user.getByRole('button', { name: 'Resend email' })).toHaveCount(0)
  await signInWith(user, email, 'first password 1')
  await expect(user.getByRole('main').getByRole('alert')).toContainText('Verify your email address first')
  await user.getByRole('button', { name: 'Resend email' }).click()
  await expect(user.getByRole('status').filter({ hasText: 'Sent again' })).toBeVisible()
  await expect.poll(() => mailTo(platformSmtp, email).length).toBe(2)
  await expectNoSeriousViolations(user)
  await user.getByLabel('Email', { exact: true }).fill('')
  await user.getByRole('button', { name: 'Sign in' }).click()
  await expect(user.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(/Enter your email address/)
  await expect(user.getByRole('button', { name: 'Resend email' })).toHaveCount(0) // only beside its own message

  // the newest link verifies (the resend replaced the first); its page ends with Sign in
  await user.goto(linkIn(mailTo(platformSmtp, email)[1]!, `${appUrl()}/t/${admin.slug}/verify?token=`))
  await user.getByLabel('Password', { exact: true }).fill('first password 1')
  await user.getByRole('button', { name: 'Verify email' }).click()
  await expect(user.getByRole('heading', { name: 'Email verified' })).toBeVisible()
  await user.getByRole('link', { name: 'Sign in', exact: true }).click()
  await expect(user).toHaveURL(new RegExp(`/t/${admin.slug}/login$`))
  await expect(user.getByRole('heading', { name: 'Sign in' })).toBeVisible()

  // a wrong password and an unknown address read the same, at the form
  await signInWith(user, email, 'not the password')
  await expect(user.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
  const wrongPassword = await user.getByRole('main').innerText()
  await signInWith(user, `nobody-${email}`, 'not the password')
  await expect(user.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
  expect((await user.getByRole('main').innerText()).replace(`nobody-${email}`, email)).toBe(wrongPassword)

  await signInWith(user, ` ${email.toUpperCase()} `, 'first password 1')
  await expect(user).toHaveURL(new RegExp(`/t/${admin.slug}/account$`))
  await expect(user.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await expect(user.getByRole('main')).toContainText(email)
  const [cookie, ...others] = await user.context().cookies()
  expect(others).toHaveLength(0)
  expect(cookie).toMatchObject({ name: 'mailgate_org_session', path: `/t/${admin.slug}`, httpOnly: true, sameSite: 'Lax' })
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000)
  if (canQueryDatabase())
    expect(await sql(`select count(*)::int as n from org_user_session where "tokenHash" = encode(sha256($1::bytea), 'hex')`, [cookie!.value])).toEqual([
      { n: 1 },
    ])
  await expectNoSeriousViolations(user)
  await screenshotAtBothWidths(user, 'org-user-account')
  // signed in, the sign-in page goes straight on
  await user.goto(`/t/${admin.slug}/login`)
  await expect(user).toHaveURL(new RegExp(`/t/${admin.slug}/account$`))

  await user.getByRole('button', { name: 'Sign out' }).click()
  await expect(user).toHaveURL(new RegExp(`/t/${admin.slug}/login$`))
  expect(await user.context().cookies()).toEqual([])
  if (canQueryDatabase())
    expect(await sql(`select count(*)::int as n from org_user_session s join org_user u on u.id = s."orgUserId" where u.email = $1`, [email])).toEqual([
      { n: 0 },
    ])
  await user.goto(`/t/${admin.slug}/account`)
  await expect(user).toHaveURL(loginUrl)
  // signing in from there returns to the account page; a next page outside the organization is ignored
  await signInWith(user, email, 'first password 1')
  await expect(user).toHaveURL(new RegExp(`/t/${admin.slug}/account$`))
  await expect(user.getByRole('main')).toContainText(email)
  await user.getByRole('button', { name: 'Sign out' }).click()
  await user.goto(`/t/${admin.slug}/login?next=${encodeURIComponent(`//evil.example/t/${admin.slug}/account`)}`)
  await signInWith(user, email, 'first password 1')
  await expect(user).toHaveURL(new RegExp(`^${appUrl()}/t/${admin.slug}/account$`))
  // an unknown cookie is no session
  await user.context().clearCookies()
  await user.context().addCookies([{ name: 'mailgate_org_session', value: 'x'.repeat(43), url: `${appUrl()}/t/${admin.slug}/` }])
  await user.goto(`/t/${admin.slug}/account`)
  await expect(user).toHaveURL(loginUrl)
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
