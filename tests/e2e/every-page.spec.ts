import { expect, test, type Page } from '@playwright/test'
import { signUpAdmin } from './support/admins'
import { expectNoSeriousViolations } from './support/axe'

// Every page at a desktop width and a phone width: axe clean, nothing wider than the window, and a screenshot to
// look at (test-results/screenshots/pages/).
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const

// Under mobile emulation the layout viewport grows to fit what overflows, so window.innerWidth would grow with it:
// the width to stay within is the device's.
async function check(page: Page, width: (typeof WIDTHS)[number]['name'], name: string) {
  await expectNoSeriousViolations(page)
  const deviceWidth = WIDTHS.find((candidate) => candidate.name === width)!.viewport.width
  const contentWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(contentWidth, `${name} is wider than the ${width} window`).toBeLessThanOrEqual(deviceWidth)
  await page.screenshot({ path: `test-results/screenshots/pages/${width}-${name}.png`, fullPage: true })
}

for (const width of WIDTHS) {
  test.describe(width.name, () => {
    test.use({ viewport: width.viewport, isMobile: width.isMobile, hasTouch: width.isMobile })

    test(`every page at ${width.viewport.width}×${width.viewport.height}`, async ({ page, browser }) => {
      test.setTimeout(240_000) // some 25 pages, each with axe and a full-page screenshot
      const anonymous = await (await browser.newContext({ viewport: width.viewport, isMobile: width.isMobile })).newPage()
      for (const [name, path] of [
        ['signup', '/signup'],
        ['login', '/login'],
        ['signup-check-email', '/signup/check-email'],
        ['verify-email-bad-link', '/verify-email?token=not-a-real-token-but-long-enough-000000000'],
        ['forgot-password', '/forgot-password'],
        ['reset-password-bad-link', '/reset-password?token=not-a-real-token-but-long-enough-000000000'],
      ] as const) {
        await anonymous.goto(path)
        await check(anonymous, width.name, name)
      }

      const admin = await signUpAdmin(page, `pages-${width.name}`)
      for (const [name, path] of [
        ['home', `/orgs/${admin.slug}`],
        ['email-provider', `/orgs/${admin.slug}/settings/email-provider`],
        ['members', `/orgs/${admin.slug}/settings/members`],
        ['api-keys', `/orgs/${admin.slug}/settings/api-keys`],
        ['account-security', '/account/security'],
      ] as const) {
        await page.goto(path)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await check(page, width.name, name)
      }

      for (const [name, path] of [
        ['org-user-signup', `/t/${admin.slug}/signup`],
        ['org-user-recover', `/t/${admin.slug}/recover`],
        ['org-user-login', `/t/${admin.slug}/login`],
        ['org-user-reset-bad-link', `/t/${admin.slug}/reset?token=not-a-real-token-but-long-enough-000000000`],
        ['org-user-verify-bad-link', `/t/${admin.slug}/verify?token=not-a-real-token-but-long-enough-000000000`],
        ['org-user-unknown-org', '/t/no-such-organization-here/signup'],
        ['not-found', '/no-such-page'],
      ] as const) {
        await anonymous.goto(path)
        await check(anonymous, width.name, name)
      }
    })
  })
}
