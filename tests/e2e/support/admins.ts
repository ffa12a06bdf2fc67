import { expect, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'

export type TTestAdmin = { email: string; password: string; orgName: string; slug: string }

/** A unique email/org name for one test. */
export function uniqueAdmin(label = 'admin') {
  const id = randomBytes(4).toString('hex')
  return { email: `${label}-${id}@example.com`, password: `correct horse ${id}`, orgName: `Acme ${label} ${id}` }
}

/** Fills in and sends /signup; every sign-up lands on Check your inbox. */
export async function submitSignup(page: Page, admin: { email: string; password: string; orgName: string }) {
  await page.goto('/signup')
  await page.getByLabel('Email', { exact: true }).fill(admin.email)
  await page.getByLabel('Password', { exact: true }).fill(admin.password)
  await page.getByLabel('Organization name', { exact: true }).fill(admin.orgName)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/signup\/check-email$/)
}

/** Signs up through /signup, then signs in (sign-up alone never does); returns the admin with their org slug. */
export async function signUpAdmin(page: Page, label = 'admin'): Promise<TTestAdmin> {
  const admin = uniqueAdmin(label)
  await submitSignup(page, admin)
  await signIn(page, admin.email, admin.password)
  await expect(page).toHaveURL(/\/orgs\/[a-z0-9-]+$/)
  const slug = new URL(page.url()).pathname.split('/')[2]!
  return { ...admin, slug }
}

/** Signs in through /login (optionally with ?next=). */
export async function signIn(page: Page, email: string, password: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}
