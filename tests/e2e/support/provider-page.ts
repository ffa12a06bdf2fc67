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

/** Fills and saves, waiting for the success message. */
export async function saveProvider(page: Page, values: Partial<TProviderValues>) {
  await fillProvider(page, values)
  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
}

/** The field input by its visible label. */
export function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true })
}
