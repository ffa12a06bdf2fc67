// Our production server on a fresh PostgreSQL database, a headless Chromium, and one admin whose organization's
// Email Provider points at the bench sink: the common ground of benchmarks 2–4.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { createTestDatabase, dropTestDatabase } from '../../tests/support/postgres'
import { TEST_USER } from '../../tests/support/smtp-server'
import { freePort, startNext, type TNextServer } from './app-server'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export type TAdmin = { email: string; password: string; orgName: string; slug: string }

export type TConsoleApp = {
  server: TNextServer
  browser: Browser
  admin: TAdmin
  /** cookies of the signed-in admin, for new contexts */
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>
  newAdminPage(): Promise<{ context: BrowserContext; page: Page }>
  providerUrl: string
  databaseUrl: string
  close(): Promise<void>
}

/** Launches Debian's Chromium with its caches in a temp dir (never in HOME). */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'console-bench-chromium-'))
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: join(profileDir, 'config'), XDG_CACHE_HOME: join(profileDir, 'cache') } as Record<string, string>,
  })
  return {
    browser,
    close: async () => {
      await browser.close()
      rmSync(profileDir, { recursive: true, force: true })
    },
  }
}

/** Signs up through /signup, as a person would, and returns the admin with the slug of their organization. */
async function signUpAdmin(page: Page, baseUrl: string): Promise<TAdmin> {
  const id = randomBytes(4).toString('hex')
  const admin = { email: `bench-${id}@example.com`, password: `correct horse ${id}`, orgName: `Bench ${id}` }
  await page.goto(`${baseUrl}/signup`)
  await page.getByLabel('Email', { exact: true }).fill(admin.email)
  await page.getByLabel('Password', { exact: true }).fill(admin.password)
  await page.getByLabel('Organization name', { exact: true }).fill(admin.orgName)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.waitForURL(/\/signup\/check-email$/, { timeout: 30_000 })
  await page.getByRole('link', { name: 'Continue to the console' }).click()
  await page.waitForURL(/\/orgs\/[a-z0-9-]+$/, { timeout: 30_000 })
  return { ...admin, slug: new URL(page.url()).pathname.split('/')[2]! }
}

/** Fills the Email Provider form's fields by their labels. */
export async function fillProvider(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value)
}

/** Starts everything; `sinkPort` becomes the organization's SMTP server (STARTTLS + AUTH). */
export async function startConsoleApp(options: { sinkPort: number; caPath: string }): Promise<TConsoleApp> {
  const database = await createTestDatabase('console_bench_app')
  const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-app-'))
  const cleanups: Array<() => Promise<void> | void> = [() => dropTestDatabase(database.name), () => rmSync(dataDir, { recursive: true, force: true })]
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch((error) => console.error('  cleanup failed:', error))
  }
  try {
    const port = await freePort()
    const server = await startNext(
      'console-server',
      {
        APP_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        SMTP_ALLOW_PRIVATE_HOSTS: 'true',
        MAIL_CAPTURE: 'true',
        // sign-up load comes from one address
        RATE_LIMIT_IP_MULTIPLIER: '1000',
        NODE_EXTRA_CA_CERTS: options.caPath,
      },
      { readyPath: '/login', port, isNpmStart: true },
    )
    cleanups.push(() => server.stop())
    const chromium = await launchChromium()
    cleanups.push(() => chromium.close())
    const context = await chromium.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    const admin = await signUpAdmin(page, server.url)
    const providerUrl = `${server.url}/orgs/${admin.slug}/settings/email-provider`
    await page.goto(providerUrl)
    await page.getByRole('button', { name: 'Update' }).and(page.locator(':enabled')).waitFor()
    await fillProvider(page, {
      'Server Host': 'localhost',
      'Server Port': String(options.sinkPort),
      'From Address': 'no-reply@bench.test',
      Username: TEST_USER.username,
      Password: TEST_USER.password,
      'Display Name': 'Bench A',
    })
    await page.getByRole('button', { name: 'Update' }).click()
    await page.getByText('Email provider updated').waitFor({ timeout: 15_000 })
    const storageState = await context.storageState()
    await context.close()
    return {
      server,
      browser: chromium.browser,
      admin,
      storageState,
      providerUrl,
      databaseUrl: database.url,
      async newAdminPage() {
        const adminContext = await chromium.browser.newContext({ storageState, bypassCSP: true })
        return { context: adminContext, page: await adminContext.newPage() }
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
