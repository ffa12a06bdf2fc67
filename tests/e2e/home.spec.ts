import { expect, test } from '@playwright/test'
import { signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'

// Home says where the organization's mail goes once, with the one way to change it, and names the users' own pages.
test('Home says where mail goes once, with one action, and lists the users’ pages with copy buttons', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const admin = await signUpAdmin(page, 'home')
  const status = page.getByRole('status', { name: 'Provider in use' })
  await expect(status).toContainText('Default provider in use')
  await expect(page.getByText('platform’s own mail service')).toHaveCount(1)
  await expect(page.getByRole('link', { name: /Email Provider$/ }).filter({ hasText: /Configure|Manage|View/ })).toHaveCount(1)
  await expect(status.getByRole('link', { name: 'Configure Email Provider' })).toBeVisible()

  const pages = page.getByRole('region', { name: 'Your users’ pages' })
  const signUpUrl = `${baseURL}/t/${admin.slug}/signup`
  await expect(pages.getByRole('link', { name: signUpUrl })).toBeVisible()
  await expect(pages.getByRole('link', { name: `${baseURL}/t/${admin.slug}/login` })).toBeVisible()
  await expect(pages.getByRole('link', { name: `${baseURL}/t/${admin.slug}/recover` })).toBeVisible()
  await pages.getByRole('button', { name: 'Copy the Sign up page’s address' }).click()
  await expect(pages.getByRole('button', { name: 'Copy the Sign up page’s address' })).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(signUpUrl)
  await expectNoSeriousViolations(page)

  await page.goto(`/orgs/${admin.slug}/settings/email-provider`)
  await expect(page.getByRole('region', { name: 'Your users’ pages' }).getByRole('link', { name: signUpUrl })).toBeVisible()

  await page.getByRole('region', { name: 'Your users’ pages' }).getByRole('link', { name: signUpUrl }).click()
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible()
  await expect(page.getByRole('link', { name: `Sign in to ${admin.orgName}` })).toHaveAttribute('href', `/t/${admin.slug}/login`)
})
