import { expect, test } from '@playwright/test'
import { sql } from './support/db'
import { signUpAdmin, submitSignup, uniqueAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { linkIn, platformInbox } from './support/mail'

// Console admins confirm their email address (issue 13): the email comes from the platform's default provider (this
// inbox), the console is usable at once with a reminder on top, and only the link page's POST verifies. A sign-up with
// a registered address answers exactly like a new one and emails that address instead.

const { mailsTo } = platformInbox()

const appUrl = () => String(test.info().project.use.baseURL)
const isVerified = async (email: string) => (await sql(`select "emailVerified" from "user" where email = $1`, [email]))[0]?.emailVerified

test('sign-up → reminder → Resend email → the link page verifies only on its button → the reminder is gone', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'verify')
  const banner = page.getByRole('region', { name: 'Confirm your email address' })
  await expect(banner).toContainText(`We sent a link to ${admin.email}`)
  await expect(banner).toContainText('at most 50 emails a day')
  await expectNoSeriousViolations(page)

  await expect.poll(() => mailsTo(admin.email).length).toBe(1)
  const first = mailsTo(admin.email)[0]!
  expect(first.parsed.subject).toBe('Confirm your email address for Mailgate')
  expect(first.parsed.from?.value[0]?.address).toBe('no-reply@platform.test')
  const firstLink = linkIn(first, `${appUrl()}/verify-email?token=`)

  await banner.getByRole('button', { name: 'Resend email' }).click()
  await expect(banner.getByRole('status')).toHaveText(`We sent a new link to ${admin.email}.`)
  await expect.poll(() => mailsTo(admin.email).length).toBe(2)
  const link = linkIn(mailsTo(admin.email)[1]!, `${appUrl()}/verify-email?token=`)

  // a mail scanner opens the link (another browser, no session): nothing changes; the older link no longer works
  const scanner = await (await browser.newContext()).newPage()
  const opened = await scanner.goto(link)
  expect(opened?.headers()['referrer-policy']).toBe('no-referrer')
  await expect(scanner.getByRole('heading', { name: 'Verify your email' })).toBeVisible()
  await scanner.goto(link)
  expect(await isVerified(admin.email)).toBe(false)
  await scanner.goto(firstLink)
  await expect(scanner.getByRole('heading', { name: 'This link is invalid or has expired' })).toBeVisible()

  await scanner.goto(link)
  await expectNoSeriousViolations(scanner)
  await scanner.getByRole('button', { name: 'Verify email' }).click()
  await expect(scanner.getByRole('heading', { name: 'Email verified' })).toBeVisible()
  expect(await isVerified(admin.email)).toBe(true)
  await scanner.goto(link)
  await expect(scanner.getByRole('heading', { name: 'This link is invalid or has expired' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: admin.orgName })).toBeVisible()
  await expect(banner).toHaveCount(0)
})

test('a sign-up with a registered address answers like a new one and emails that address', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'again')
  await expect.poll(() => mailsTo(admin.email).length).toBe(1)

  const stranger = await (await browser.newContext()).newPage()
  const fresh = uniqueAdmin('fresh')
  await submitSignup(stranger, fresh)
  const newAnswer = await stranger.getByRole('main').innerText()

  const attacker = await (await browser.newContext()).newPage()
  await submitSignup(attacker, { email: admin.email, password: 'another password 123', orgName: 'Another org' })
  expect(await attacker.getByRole('main').innerText()).toBe(newAnswer)
  await expect(attacker.getByRole('heading', { name: 'Check your inbox' })).toBeVisible()
  await expect(attacker.getByText(/already exists/)).toHaveCount(0)

  await expect.poll(() => mailsTo(admin.email).length).toBe(2)
  const attempt = mailsTo(admin.email)[1]!
  expect(attempt.parsed.subject).toBe('Sign-up attempt with your email address at Mailgate')
  expect(attempt.parsed.text).toContain(`${appUrl()}/login`)
  // nothing was created for the attempt: still one organization, the original password still works
  const orgs = await sql(`select o.name from organization o join membership m on m."orgId" = o.id join "user" u on u.id = m."userId" where u.email = $1`, [
    admin.email,
  ])
  expect(orgs.map((org) => org.name)).toEqual([admin.orgName])

  // "Continue to the console" without an account leads to sign-in
  await attacker.getByRole('link', { name: 'Continue to the console' }).click()
  await expect(attacker).toHaveURL(/\/login$/)
})
