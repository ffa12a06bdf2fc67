import { expect, test } from '@playwright/test'
import { sql } from './support/db'
import { signIn, signUpAdmin, uniqueAdmin } from './support/admins'

test('sign up creates the admin and organization and lands in the console', async ({ page }) => {
  const admin = await signUpAdmin(page, 'signup')
  expect(admin.slug).toMatch(/^acme-signup-[a-f0-9]{8}$/)
  await expect(page.getByRole('heading', { name: admin.orgName })).toBeVisible()
  const settings = page.getByRole('group', { name: 'Organizational Settings' })
  await expect(settings.getByRole('link', { name: 'Email Provider' })).toHaveAttribute('href', `/orgs/${admin.slug}/settings/email-provider`)
  const [membership] = await sql(
    `select m.role from membership m join "user" u on u.id = m."userId" join organization o on o.id = m."orgId" where u.email = $1 and o.slug = $2`,
    [admin.email, admin.slug],
  )
  expect(membership?.role).toBe('owner')
  const [account] = await sql(`select a.password from account a join "user" u on u.id = a."userId" where u.email = $1`, [admin.email])
  expect(account?.password).not.toContain(admin.password)
  const cookies = await page.context().cookies()
  const session = cookies.find((cookie) => cookie.name.endsWith('session_token'))
  expect(session?.httpOnly).toBe(true)
  expect(session?.sameSite).toBe('Lax')
})

test('the same organization name gets a unique slug', async ({ page, browser }) => {
  const first = await signUpAdmin(page, 'twin')
  const other = await browser.newPage()
  const second = uniqueAdmin('twin')
  await other.goto('/signup')
  await other.getByLabel('Email', { exact: true }).fill(second.email)
  await other.getByLabel('Password', { exact: true }).fill(second.password)
  await other.getByLabel('Organization name', { exact: true }).fill(first.orgName)
  await other.getByRole('button', { name: 'Create account' }).click()
  await expect(other).toHaveURL(new RegExp(`/orgs/${first.slug}-2$`))
})

test('a duplicate email is refused at the Email field', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'dup')
  const other = await browser.newPage()
  await other.goto('/signup')
  await other.getByLabel('Email', { exact: true }).fill(admin.email)
  await other.getByLabel('Password', { exact: true }).fill('another password 123')
  await other.getByLabel('Organization name', { exact: true }).fill('Another org')
  await other.getByRole('button', { name: 'Create account' }).click()
  const email = other.getByLabel('Email', { exact: true })
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await expect(other.getByText('An account with this email already exists')).toBeVisible()
  await expect(email).toBeFocused()
})

test('signup shows each mistake at its field', async ({ page }) => {
  await page.goto('/signup')
  await page.getByLabel('Email', { exact: true }).fill('not-an-email')
  await page.getByLabel('Password', { exact: true }).fill('short')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('Enter a valid email address')).toBeVisible()
  await expect(page.getByText('Use at least 10 characters')).toBeVisible()
  await expect(page.getByText('Enter your organization’s name')).toBeVisible()
  await expect(page).toHaveURL(/\/signup$/)
})

test('login, wrong password, sign out', async ({ page, browser }) => {
  const admin = await signUpAdmin(page, 'login')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await page.goto(`/orgs/${admin.slug}`)
  await expect(page).toHaveURL(/\/login\?next=/)

  await signIn(page, admin.email, 'wrong password!')
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
  await signIn(page, 'nobody-here@example.com', 'wrong password!')
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')

  await signIn(page, admin.email, admin.password)
  await expect(page).toHaveURL(new RegExp(`/orgs/${admin.slug}$`))
  const fresh = await browser.newPage()
  await signIn(fresh, admin.email, admin.password, `/orgs/${admin.slug}/settings/email-provider`)
  await expect(fresh).toHaveURL(new RegExp(`/orgs/${admin.slug}/settings/email-provider$`))
})

test('anonymous visitors are sent to login and come back after', async ({ page }) => {
  const response = await page.request.get('/orgs/some-org/settings/email-provider', { maxRedirects: 0 })
  expect(response.status()).toBe(307)
  expect(response.headers().location).toBe('/login?next=%2Forgs%2Fsome-org%2Fsettings%2Femail-provider')
})

test('an unsafe ?next= is ignored', async ({ page }) => {
  const admin = await signUpAdmin(page, 'next')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, admin.email, admin.password, '//evil.example.com/phish')
  await expect(page).toHaveURL(new RegExp(`/orgs/${admin.slug}$`))
})

test('an expired session sends the admin back to login', async ({ page }) => {
  const admin = await signUpAdmin(page, 'expiry')
  await sql(`update session set "expiresAt" = now() - interval '1 minute' where "userId" = (select id from "user" where email = $1)`, [admin.email])
  await page.goto(`/orgs/${admin.slug}`)
  await expect(page).toHaveURL(/\/login\?next=%2Forgs%2F/)
})

test("another organization's admin gets a real 404", async ({ page, browser }) => {
  const owner = await signUpAdmin(page, 'owner')
  const stranger = await browser.newPage()
  await signUpAdmin(stranger, 'stranger')
  const response = await stranger.goto(`/orgs/${owner.slug}`)
  expect(response?.status()).toBe(404)
  await expect(stranger.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  const settings = await stranger.goto(`/orgs/${owner.slug}/settings/email-provider`)
  expect(settings?.status()).toBe(404)
})

test('repeated failed logins for one email slow down but never lock the right password out', async ({ page }) => {
  const admin = await signUpAdmin(page, 'limited')
  await page.getByRole('button', { name: 'Sign out' }).click()
  for (let attempt = 0; attempt < 6; attempt++) {
    await signIn(page, admin.email, `wrong password ${attempt}`)
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
  }
  // the sixth failure already waited a second; the right password still gets in (after its own short wait)
  await signIn(page, admin.email, admin.password)
  await expect(page).toHaveURL(new RegExp(`/orgs/${admin.slug}$`))
})
