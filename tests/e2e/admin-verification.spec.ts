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
  // the link's page asks for the sign-up password: a wrong one verifies nothing and leaves the link usable
  await scanner.getByLabel('Password', { exact: true }).fill('not the password at all')
  await scanner.getByRole('button', { name: 'Verify email' }).click()
  await expect(scanner.getByText('This is not the password chosen at sign-up.')).toBeVisible()
  expect(await isVerified(admin.email)).toBe(false)
  // the right one verifies and signs in, in this other browser too
  await scanner.getByLabel('Password', { exact: true }).fill(admin.password)
  await scanner.getByRole('button', { name: 'Verify email' }).click()
  await expect(scanner).toHaveURL(new RegExp(`/orgs/${admin.slug}$`))
  await expect(scanner.getByRole('heading', { name: admin.orgName })).toBeVisible()
  expect(await isVerified(admin.email)).toBe(true)
  await scanner.goto(link)
  await expect(scanner.getByRole('heading', { name: 'This link is invalid or has expired' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: admin.orgName })).toBeVisible()
  await expect(banner).toHaveCount(0)
})

test('a sign-up with a registered address answers like a new one, with the same headers and no cookie, and emails that address', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'again')
  await expect.poll(() => mailsTo(admin.email).length).toBe(1)

  // two fresh cookie jars: a new address and a registered one
  const answerTo = async (signup: { email: string; password: string; orgName: string }) => {
    const context = await browser.newContext()
    const visitor = await context.newPage()
    const posted = visitor.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/signup')
    await submitSignup(visitor, signup)
    const response = await posted
    const headers = await response.allHeaders()
    return {
      visitor,
      status: response.status(),
      headerNames: Object.keys(headers)
        .filter((name) => name !== 'date')
        .sort(),
      setCookie: headers['set-cookie'],
      cookies: (await context.cookies()).map((cookie) => cookie.name).sort(),
      text: await visitor.getByRole('main').innerText(),
    }
  }
  const fresh = await answerTo(uniqueAdmin('fresh'))
  const attacker = await answerTo({ email: admin.email, password: 'another password 123', orgName: 'Another org' })
  const { visitor: freshPage, ...freshAnswer } = fresh
  const { visitor: attackerPage, ...attackerAnswer } = attacker
  expect(attackerAnswer).toEqual(freshAnswer)
  expect(freshAnswer.setCookie).toBeUndefined()
  expect(freshAnswer.cookies.filter((name) => name.endsWith('session_token'))).toEqual([])
  await expect(attackerPage.getByRole('heading', { name: 'Check your inbox' })).toBeVisible()
  await expect(attackerPage.getByText(/already exists/)).toHaveCount(0)

  await expect.poll(() => mailsTo(admin.email).length).toBe(2)
  const attempt = mailsTo(admin.email)[1]!
  expect(attempt.parsed.subject).toBe('Sign-up attempt with your email address at Mailgate')
  expect(attempt.parsed.text).toContain(`${appUrl()}/login`)
  // nothing was created for the attempt: still one organization, the original password still works
  const orgs = await sql(`select o.name from organization o join membership m on m."orgId" = o.id join "user" u on u.id = m."userId" where u.email = $1`, [
    admin.email,
  ])
  expect(orgs.map((org) => org.name)).toEqual([admin.orgName])

  // neither browser is signed in: the console sends both to sign-in
  for (const visitor of [freshPage, attackerPage]) {
    await visitor.goto('/')
    await expect(visitor).toHaveURL(/\/login/)
  }
})
