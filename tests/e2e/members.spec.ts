import { expect, test, type Browser } from '@playwright/test'
import { signUpAdmin, uniqueAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'
import { linkIn, platformInbox } from './support/mail'
import { field, openProviderPage, saveProvider } from './support/provider-page'
import { smtpPassword } from './support/secrets'

// Invitations are sent by the platform's default provider.
const platform = platformInbox()

const appUrl = () => String(test.info().project.use.baseURL)

async function newContextPage(browser: Browser) {
  return (await browser.newContext()).newPage()
}

/** Invites `email` as `role` from the Members page (already open) and returns the link the email carries. */
async function invite(page: import('@playwright/test').Page, email: string, role: 'Admin' | 'Viewer') {
  await page.getByRole('button', { name: 'Invite member' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite member' })
  await dialog.getByLabel('Email', { exact: true }).fill(email)
  await dialog.getByLabel('Role', { exact: true }).selectOption({ value: role.toLowerCase() })
  await dialog.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Pending invitations' })).toContainText(email)
  // (an invitee with an account also got its verification email)
  const invitations = () => platform.mailsTo(email).filter((mail) => mail.parsed.subject?.startsWith('Join '))
  await expect.poll(() => invitations().length).toBe(1)
  const mail = invitations()[0]!
  expect(mail.parsed.from?.value[0]?.address).toBe('no-reply@platform.test')
  return linkIn(mail, `${appUrl()}/invite/`)
}

test('invite → accept in a second browser context → the Viewer sees a read-only page → promoted to Admin, can Update', async ({ page, browser }) => {
  const owner = await signUpAdmin(page, 'members-owner')
  await page.getByRole('link', { name: 'Members', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Members' })).toContainText(owner.email)
  await page.getByRole('button', { name: 'Invite member' }).click()
  await expect(page.getByRole('dialog', { name: 'Invite member' })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.keyboard.press('Escape')

  const invitee = uniqueAdmin('members-viewer')
  const link = await invite(page, invitee.email, 'Viewer')
  await expectNoSeriousViolations(page)

  // a second browser: no account yet, so the page asks for a Password (the address is fixed and shown)
  const viewer = await newContextPage(browser)
  await viewer.goto(link)
  await expect(viewer.getByRole('heading', { name: 'Accept invitation' })).toBeVisible()
  await expect(viewer.getByText(`You are invited to join ${owner.orgName} as Viewer.`)).toBeVisible()
  await expect(field(viewer, 'Email')).toHaveValue(invitee.email)
  await expect(field(viewer, 'Email')).not.toBeEditable()
  await expectNoSeriousViolations(viewer)
  await field(viewer, 'Password').fill(invitee.password)
  await viewer.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${owner.slug}$`))

  // read-only: fields disabled, no Update, Send test email, Revert or Check DNS
  await viewer.getByRole('link', { name: 'Email Provider', exact: true }).click()
  await expect(viewer.getByRole('heading', { name: 'Email Provider', level: 1 })).toBeVisible()
  await expect(field(viewer, 'Server Host')).toBeDisabled()
  await expect(viewer.getByText('You have view-only access')).toBeVisible()
  for (const name of ['Update', 'Send test email', 'Revert', 'Check DNS']) await expect(viewer.getByRole('button', { name })).toHaveCount(0)
  await expectNoSeriousViolations(viewer)

  // the link worked once
  const third = await newContextPage(browser)
  await third.goto(link)
  await expect(third.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible()
  await expect(third.getByText('already been used')).toBeVisible()

  // the owner promotes the Viewer to Admin
  await page.reload()
  await expect(page.getByRole('region', { name: 'Pending invitations' })).not.toContainText(invitee.email)
  await page.getByLabel(`Role of ${invitee.email}`).selectOption({ value: 'admin' })
  await expect(page.getByRole('region', { name: 'Members' }).getByRole('row', { name: new RegExp(invitee.email) })).toContainText('Admin')
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText(`Changed the role of ${invitee.email} from Viewer to Admin`)
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText(`Invited ${invitee.email} as Viewer`)
  await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText('Joined as Viewer')
  await expectNoSeriousViolations(page)

  // the only owner is not offered a Leave that can never work: it is disabled, with the reason
  await expect(page.getByRole('button', { name: `Leave ${owner.orgName}` })).toBeDisabled()
  await expect(page.getByText('You are the only owner: make another member owner first.')).toBeVisible()
  // at a phone's width the members stack into cards: the page is never wider than the screen
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByRole('region', { name: 'Members' })).toContainText(invitee.email)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({ path: 'test-results/screenshots/members-phone.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  await openProviderPage(viewer, owner.slug)
  await expect(field(viewer, 'Server Host')).toBeEditable()
  await saveProvider(viewer, { host: 'smtp.members.test', port: '587', fromAddress: 'no-reply@members.test', username: 'mailer', password: smtpPassword() })
})

test('a signed-in admin with the invited address joins at once; another address is refused; the org switcher lists both organizations', async ({
  page,
  browser,
}) => {
  const owner = await signUpAdmin(page, 'members-host')
  const otherPage = await newContextPage(browser)
  const other = await signUpAdmin(otherPage, 'members-guest')

  await page.goto(`/orgs/${owner.slug}/settings/members`)
  const ownLink = await invite(page, other.email, 'Admin')
  const strangerEmail = uniqueAdmin('members-stranger').email
  const strangerLink = await invite(page, strangerEmail, 'Viewer')

  await otherPage.goto(strangerLink)
  await expect(otherPage.getByRole('alert').filter({ hasText: 'This invitation was sent to' })).toContainText(
    `This invitation was sent to ${strangerEmail}, but you are signed in as ${other.email}.`,
  )
  await expect(otherPage.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0)
  await expectNoSeriousViolations(otherPage)

  await otherPage.goto(ownLink)
  await otherPage.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(otherPage).toHaveURL(new RegExp(`/orgs/${owner.slug}$`))
  await otherPage.locator('summary', { hasText: 'Switch organization' }).click()
  const switcher = otherPage.getByRole('navigation', { name: 'Your organizations' })
  await expect(switcher.getByRole('link', { name: other.orgName })).toBeVisible()
  await expectNoSeriousViolations(otherPage)
  await switcher.getByRole('link', { name: other.orgName }).click()
  await expect(otherPage).toHaveURL(new RegExp(`/orgs/${other.slug}$`))

  // Revoke: the stranger's link stops working
  await page.reload()
  await page.getByRole('button', { name: `Revoke the invitation to ${strangerEmail}` }).click()
  await page.getByRole('dialog', { name: 'Revoke this invitation?' }).getByRole('button', { name: 'Revoke invitation' }).click()
  await expect(page.getByRole('region', { name: 'Pending invitations' })).not.toContainText(strangerEmail)
  const stranger = await newContextPage(browser)
  await stranger.goto(strangerLink)
  await expect(stranger.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible()
})
