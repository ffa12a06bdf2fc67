import { expect, test } from '@playwright/test'
import { signUpAdmin } from './support/admins'
import { field, openProviderPage, saveProvider } from './support/provider-page'
import { smtpPassword } from './support/secrets'

// Microsoft turns SMTP password sign-in off on 31 December 2026: Home and the Email Provider page say so with the
// days left, and Switch to OAuth 2.0 opens the OAuth fields with the server, port and mailbox kept.

function deadlineTitle(now = new Date()): RegExp {
  const daysLeft = Math.round((Date.UTC(2026, 11, 31) - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / 86_400_000)
  if (daysLeft < 0) return /Microsoft turned off password sign-in for SMTP on 31 December 2026/
  const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'in 1 day' : `in ${daysLeft} days`
  return new RegExp(`Microsoft turns off password sign-in for SMTP on 31 December 2026: ${when}`)
}

test('a Microsoft 365 provider signing in with a password is warned on Home and the page, and switches to OAuth 2.0 in one click', async ({ page }) => {
  const admin = await signUpAdmin(page, 'microsoft')
  await openProviderPage(page, admin.slug)
  await expect(page.getByRole('button', { name: 'Switch to OAuth 2.0' })).toHaveCount(0)
  await saveProvider(page, {
    host: 'smtp.office365.com',
    port: '587',
    fromAddress: 'mailer@contoso.test',
    username: 'mailer@contoso.test',
    password: smtpPassword(),
  })
  // at the Authentication field, while the form says Microsoft 365 with a password
  await expect(page.getByRole('button', { name: 'Switch to OAuth 2.0' })).toBeVisible()

  await page.goto(`/orgs/${admin.slug}`)
  const warning = page.getByRole('region', { name: deadlineTitle() })
  await expect(warning).toBeVisible()
  await expect(warning.getByRole('link', { name: 'Microsoft’s announcement' })).toHaveAttribute('href', /techcommunity\.microsoft\.com/)
  await page.screenshot({ path: 'test-results/microsoft-deadline-home.png', fullPage: true })
  await warning.getByRole('link', { name: 'Switch to OAuth 2.0' }).click()

  await expect(page).toHaveURL(/\/settings\/email-provider\?switch=oauth/)
  await expect(field(page, 'Authentication')).toHaveValue('oauth_client_credentials')
  await expect(field(page, 'Server Host')).toHaveValue('smtp.office365.com')
  await expect(field(page, 'Server Port')).toHaveValue('587')
  await expect(field(page, 'Username')).toHaveValue('mailer@contoso.test')
  await expect(field(page, 'Tenant ID')).toBeFocused()
  await expect(page.getByRole('region', { name: deadlineTitle() })).toBeVisible()
  await page.screenshot({ path: 'test-results/microsoft-deadline-page.png', fullPage: true })
  // nothing is saved until Update: the warning stays until the OAuth sign-in is saved
  await openProviderPage(page, admin.slug)
  await expect(field(page, 'Authentication')).toHaveValue('password')
})
