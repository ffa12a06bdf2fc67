import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { signUpAdmin } from './support/admins'

// The Management API from the console's side: a key created in the API keys page, copied from its read-only field
// once, works with Playwright's `request` (no cookies), shows as used, and stops working when revoked.
test('create an API key in the console, call GET /api/v1/email-provider with it, then revoke it', async ({ page, request }) => {
  const admin = await signUpAdmin(page, 'api')
  await page.getByRole('link', { name: 'API keys' }).click()
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible()
  await expect(page.getByText('No API keys yet.')).toBeVisible()

  await page.getByRole('button', { name: 'Create API key' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog.getByText('Enter a name for the key, e.g. terraform')).toBeVisible()
  await dialog.getByLabel('Name', { exact: true }).fill('terraform')
  await dialog.getByLabel('Access', { exact: true }).selectOption({ label: 'Read only' })
  await dialog.getByRole('button', { name: 'Create' }).click()
  const keyField = dialog.getByLabel('API key', { exact: true })
  await expect(keyField).toHaveValue(/^mg_live_/)
  await expect(keyField).toHaveAttribute('readonly', '')
  await expect(dialog.getByRole('button', { name: 'Copy the API key' })).toBeVisible()
  await expectNoSeriousViolations(page)
  const key = await keyField.inputValue()

  const answer = await request.get('/api/v1/email-provider', { headers: { Authorization: `Bearer ${key}` } })
  expect(answer.status()).toBe(200)
  expect(await answer.json()).toEqual({ provider: null, version: 0 })
  expect(answer.headers()['ratelimit-remaining']).toBeDefined()
  const readOnly = await request.put('/api/v1/email-provider', { headers: { Authorization: `Bearer ${key}` }, data: { confirm: true } })
  expect(readOnly.status()).toBe(403)

  // shown once: closing the dialog forgets it; the list shows the prefix only
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  const row = page.getByRole('row').filter({ hasText: 'terraform' })
  await expect(row).toContainText(`${key.slice(0, 14)}…`)
  await expect(row).toContainText('Read only')
  await expect(row).toContainText(admin.email)
  await expect(row).not.toContainText('Never')
  expect(await page.content()).not.toContain(key)
  await expectNoSeriousViolations(page)

  await row.getByRole('button', { name: 'Revoke terraform' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click()
  await expect(row).toContainText('Revoked')
  const revoked = await request.get('/api/v1/email-provider', { headers: { Authorization: `Bearer ${key}` } })
  expect(revoked.status()).toBe(401)
  expect(revoked.headers()['content-type']).toContain('application/problem+json')

  await page.reload()
  const changes = page.getByRole('region', { name: 'Recent changes' })
  await expect(changes).toContainText('Created the API key terraform')
  await expect(changes).toContainText('Revoked the API key terraform')
})

test('the OpenAPI document is served without a key', async ({ request }) => {
  const answer = await request.get('/api/v1/openapi.json')
  expect(answer.status()).toBe(200)
  expect((await answer.json()).openapi).toBe('3.1.0')
})
