import { expect, test } from '@playwright/test'
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp-server'
import { signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { fillProvider } from './support/provider-page'
import { smtpPassword } from './support/secrets'

// A phone: 390×844 with touch and mobile emulation. The sidebar is a drawer; dialogs keep their buttons in view.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

const credentials = { username: 'mailer@mobile.test', password: smtpPassword() }
let smtp: TTestSmtpServer

test.beforeAll(async () => {
  smtp = await startSmtpServer('starttls-auth', credentials)
})
test.afterAll(async () => {
  await smtp.close()
})

test('on a phone: open the menu, reach Email Provider, send a test email, revert', async ({ page }) => {
  const admin = await signUpAdmin(page, 'mobile')
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeHidden()
  await page.getByRole('button', { name: 'Open menu' }).click()
  const drawer = page.getByRole('dialog', { name: 'Menu' })
  await expect(drawer).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: 'test-results/screenshots/mobile-menu.png' })
  await drawer.getByRole('link', { name: 'Email Provider' }).click()
  await expect(page.getByRole('heading', { name: 'Email Provider', level: 1 })).toBeVisible()
  await expect(drawer).toBeHidden()

  // nothing wider than the screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await fillProvider(page, { host: 'localhost', port: String(smtp.port), fromAddress: 'no-reply@mobile.test', ...credentials })
  await page.getByRole('button', { name: 'Send test email' }).click()
  const dialog = page.getByRole('dialog', { name: 'Send test email' })
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByText(`Test email sent to ${admin.email}`)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport()
  await page.screenshot({ path: 'test-results/screenshots/mobile-test-email.png' })
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page.getByText('Email provider updated')).toBeVisible()
  await page.getByRole('button', { name: 'Revert' }).click()
  const revert = page.getByRole('dialog', { name: 'Revert to the default provider?' })
  await revert.getByRole('checkbox').check()
  await expect(revert.getByRole('button', { name: 'Confirm' })).toBeInViewport()
  await revert.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('status', { name: 'Provider in use' })).toContainText('Default provider in use')
  await page.screenshot({ path: 'test-results/screenshots/mobile-email-provider.png', fullPage: true })
})
