import { expect, test, type Page } from '@playwright/test'
import { generate } from 'otplib'
import { signUpAdmin, uniqueAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { linkIn, platformInbox } from './support/mail'

// Members › Two-factor authentication: an owner with two-factor turns on Require two-factor authentication; a member
// without it is taken to Account › Security before any page of the organization, sets it up with an authenticator
// app (the code computed with otplib from the setup key the page shows), then opens the organization's pages.

const platform = platformInbox()
const appUrl = () => String(test.info().project.use.baseURL)
const PHONE = { width: 390, height: 844 }

async function screenshots(page: Page, name: string) {
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(viewport)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, `${name} is wider than ${viewport.width} px`).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `test-results/screenshots/require-two-factor/${viewport.width}-${name}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

/** Turns two-factor on from Account › Security (open): password, setup key → code, recovery codes stored. */
async function turnOnTwoFactor(page: Page, password: string) {
  const twoFactor = page.getByRole('region', { name: 'Two-factor authentication', exact: true })
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click()
  await twoFactor.getByLabel('Password').fill(password)
  await twoFactor.getByRole('button', { name: 'Continue' }).click()
  const secret = (await twoFactor.getByTestId('totp-secret').textContent())!.trim()
  await twoFactor.getByLabel('Code').fill(await generate({ secret }))
  await twoFactor.getByRole('button', { name: 'Confirm' }).click()
  await expect(twoFactor.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10)
  await twoFactor.getByRole('button', { name: 'I have stored them' }).click()
  await expect(twoFactor.getByText('On.')).toBeVisible()
}

async function openMembers(page: Page, slug: string) {
  await page.goto(`/orgs/${slug}/settings/members`)
  await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible()
  return page.getByRole('region', { name: 'Two-factor authentication', exact: true })
}

test('an owner requires two-factor; a member without it sets it up first, then reaches the pages', async ({ page, browser }) => {
  test.setTimeout(150_000)
  const owner = await signUpAdmin(page, 'require-2fa-owner')

  // without two-factor of their own, the owner is told to turn it on first, with the way there
  let card = await openMembers(page, owner.slug)
  const requireBox = card.getByRole('checkbox', { name: 'Require two-factor authentication' })
  await expect(requireBox).not.toBeChecked()
  await expect(card.getByRole('link', { name: 'Account › Security' })).toBeVisible()
  await requireBox.click()
  await expect(card.getByRole('alert')).toHaveText(/Turn on two-factor authentication for your own account first/)
  await expect(requireBox).not.toBeChecked()
  await expect(requireBox).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousViolations(page)

  await card.getByRole('link', { name: 'Account › Security' }).click()
  await expect(page).toHaveURL(/\/account\/security$/)
  await turnOnTwoFactor(page, owner.password)

  card = await openMembers(page, owner.slug)
  await requireBox.check()
  await expect(requireBox).toBeChecked()
  await expect(card.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText('Turned on Require two-factor authentication')
  await page.reload()
  await expect(requireBox).toBeChecked()
  await expectNoSeriousViolations(page)
  await card.scrollIntoViewIfNeeded()
  await screenshots(page, 'members-owner')

  // a second member, invited as Admin, joins with a new account
  const member = uniqueAdmin('require-2fa-member')
  await page.getByRole('button', { name: 'Invite member' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite member' })
  await dialog.getByLabel('Email', { exact: true }).fill(member.email)
  await dialog.getByLabel('Role', { exact: true }).selectOption({ value: 'admin' })
  await dialog.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${member.email}`)).toBeVisible()
  const invitations = () => platform.mailsTo(member.email).filter((mail) => mail.parsed.subject?.startsWith('Join '))
  await expect.poll(() => invitations().length).toBe(1)
  const link = linkIn(invitations()[0]!, `${appUrl()}/invite/`)

  const other = await (await browser.newContext()).newPage()
  await other.goto(link)
  await other.getByLabel('Password', { exact: true }).fill(member.password)
  await other.getByRole('button', { name: 'Accept invitation' }).click()

  // taken to set it up, with the reason above the Two-factor section
  await expect(other).toHaveURL(new RegExp(`/account/security\\?required=${owner.slug}$`))
  const notice = other.getByRole('region', { name: `${owner.orgName} requires two-factor authentication` })
  await expect(notice).toContainText(`Turn it on below, with an authenticator app, to open the pages of ${owner.orgName}.`)
  await expectNoSeriousViolations(other)
  await screenshots(other, 'account-security-required')
  // every page of the organization sends them back here
  for (const path of [`/orgs/${owner.slug}`, `/orgs/${owner.slug}/settings/email-provider`, `/orgs/${owner.slug}/settings/members`]) {
    await other.goto(path)
    await expect(other).toHaveURL(new RegExp(`/account/security\\?required=${owner.slug}$`))
  }

  await turnOnTwoFactor(other, member.password)
  await expect(notice).toContainText('Two-factor authentication is on.')
  await expectNoSeriousViolations(other)
  await notice.getByRole('link', { name: `Continue to ${owner.orgName}` }).click()
  await expect(other).toHaveURL(new RegExp(`/orgs/${owner.slug}$`))

  // the pages open now; a member who is not an owner sees the setting read-only
  const memberCard = await openMembers(other, owner.slug)
  await expect(memberCard).toContainText('Required.')
  await expect(memberCard).toContainText('Only owners can change this.')
  await expect(memberCard.getByRole('checkbox')).toHaveCount(0)
  await expectNoSeriousViolations(other)
  await memberCard.scrollIntoViewIfNeeded()
  await screenshots(other, 'members-admin')
  await other.goto(`/orgs/${owner.slug}/settings/email-provider`)
  await expect(other.getByRole('heading', { name: 'Email Provider', level: 1 })).toBeVisible()
})
