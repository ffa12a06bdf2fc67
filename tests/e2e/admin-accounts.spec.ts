import { expect, test } from '@playwright/test'
import { sql } from './support/db'
import { signIn, signUpAdmin, submitSignup, uniqueAdmin } from './support/admins'

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
  const twin = { ...uniqueAdmin('twin'), orgName: first.orgName }
  await submitSignup(other, twin)
  await signIn(other, twin.email, twin.password)
  await expect(other).toHaveURL(new RegExp(`/orgs/${first.slug}-2$`))
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

test('a flood of sign-ins gets 503 with Retry-After once the password-hash queue is full, and nothing else fails', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/login')
  const email = `flood-${Date.now()}@example.com`
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('not the password')
  const [signIn] = await Promise.all([
    page.waitForRequest((request) => request.method() === 'POST' && 'next-action' in request.headers()),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ])
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
  const headers = Object.fromEntries(
    Object.entries(signIn.headers()).filter(([name]) => ['next-action', 'next-router-state-tree', 'content-type', 'origin', 'accept'].includes(name)),
  )
  // each one a different unknown address: Better Auth hashes for those too (the same time as a real account)
  // (Node's fetch: one connection each, all at once, where the browser's request context would queue them)
  let count = 0
  const post = () => fetch(signIn.url(), { method: 'POST', headers, body: signIn.postData()!.replace(email, `flood-${count++}-${email}`) })
  const busy = 'The server is busy right now. Please try again in 10 seconds.'
  // Most of the flood arrives before any of it is hashing, so proxy.ts lets it in; its first "busy" answer
  // says the queue is full right now: sign-ins arriving then get the 503 at once (until it has drained to half).
  const answer = async (response: Response) => ({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() })
  let probes: Promise<Array<Awaited<ReturnType<typeof answer>>>> | undefined
  const flood = await Promise.all(
    Array.from({ length: 300 }, async () => {
      const answered = await answer(await post())
      if (answered.body.includes(busy)) probes ??= Promise.all(Array.from({ length: 10 }, async () => answer(await post())))
      return answered
    }),
  )
  expect(probes, 'the flood never filled the queue').toBeDefined()
  const answers = [...flood, ...(await probes!)]
  // answered as usual, "busy" when the queue filled up on their way, or refused at the door: never a 500
  expect(answers.map((answered) => answered.status).filter((status) => status !== 200 && status !== 503)).toEqual([])
  const refused = answers.filter((answered) => answered.status === 503)
  expect(refused.length, 'no sign-in arriving while the queue was full got the 503').toBeGreaterThan(0)
  for (const answered of refused) expect(answered).toEqual({ status: 503, retryAfter: '10', body: busy })
  // once it drains, sign-in answers as before
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.')
})
