import { expect, type Page } from '@playwright/test'
import { EMAIL_PROVIDER_LABELS } from '../../../lib/email-provider/labels'

export type TProviderValues = {
  host: string
  port: string
  fromAddress: string
  replyTo?: string
  username?: string
  password?: string
  displayName?: string
}

const LABELS: Record<keyof TProviderValues, string> = EMAIL_PROVIDER_LABELS

/** The Email Provider page of `slug`. */
export async function openProviderPage(page: Page, slug: string) {
  const response = await page.goto(`/orgs/${slug}/settings/email-provider`)
  await expect(page.getByRole('heading', { name: 'Email Provider', level: 1 })).toBeVisible()
  // Update is enabled once the form has hydrated: a fill before that could be undone (or appended to) by React
  await expect(page.locator('button[type="submit"]:enabled', { hasText: 'Update' }).or(page.getByText('You have view-only access'))).toBeVisible()
  return response
}

/** Fills the given fields (others untouched). */
export async function fillProvider(page: Page, values: Partial<TProviderValues>) {
  for (const [field, value] of Object.entries(values)) {
    await page.getByLabel(LABELS[field as keyof TProviderValues], { exact: true }).fill(value ?? '')
  }
}

// the fields of the target: a value for one of them here is a change of target (a typed password always is)
const TARGET_FIELDS: readonly (keyof TProviderValues)[] = ['host', 'port', 'username', 'password']

/**
 * Fills and saves, waiting for the success message. A change of target, untested, is saved with Update anyway
 * (the question must come); other changes are saved by Update alone.
 */
export async function saveProvider(page: Page, values: Partial<TProviderValues>) {
  await fillProvider(page, values)
  if (TARGET_FIELDS.some((name) => name in values)) await updateAnyway(page)
  else await page.getByRole('button', { name: 'Update', exact: true }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
}

/** The question Update asks before saving a change of target that no test email has tried. */
export function testFirstDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Send a test email first?' })
}

/** Presses Update, which must ask "Send a test email first?", and answers Update anyway. */
export async function updateAnyway(page: Page) {
  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await testFirstDialog(page).getByRole('button', { name: 'Update anyway' }).click()
  await expect(testFirstDialog(page)).toBeHidden()
}

/** The field input by its visible label. */
export function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true })
}
