// Whose rate-limit bucket a request counts against: the client must not choose it with a header. Each test starts its
// own production server (the build scripts/test.sh made, an in-memory embedded database, no multiplier on the limits).
import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { waitUntil } from '../support/wait-until'

const basePort = Number(process.env.E2E_PORT ?? 3210)
const LOGIN_IP_LIMIT = 30
const TOO_MANY = /Too many attempts/

type TServer = { url: string; stop: () => Promise<void> }

async function startServer(command: string[], port: number, env: Record<string, string> = {}): Promise<TServer> {
  const url = `http://localhost:${port}`
  const child: ChildProcess = spawn(process.execPath, command, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: '',
      PGLITE_DIR: 'memory://',
      RATE_LIMIT_IP_MULTIPLIER: '1',
      ...env,
    },
    stdio: 'ignore',
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitUntil(async () => (await fetch(`${url}/login`).catch(() => null))?.status === 200, 60_000, 200)
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** Signs in with a wrong password from the "client" the header names (on the open /login); true when the limit refused it. */
async function refusedFrom(page: Page, header: Record<string, string>, attempt: number): Promise<boolean> {
  await page.setExtraHTTPHeaders(header)
  await page.getByLabel('Email', { exact: true }).fill(`nobody-${attempt}@example.test`)
  await page.getByLabel('Password', { exact: true }).fill('not-the-password')
  const answered = page.waitForResponse((response) => response.request().method() === 'POST')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await answered
  const answer = page.getByText(/Too many attempts|Incorrect email or password/)
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  return TOO_MANY.test(await answer.innerText())
}

test('under next start, a client-sent X-Client-IP picks no bucket: 40 sign-ins with 40 headers are refused after the limit', async ({ page }) => {
  test.setTimeout(180_000)
  const server = await startServer(['node_modules/next/dist/bin/next', 'start', '-p', String(basePort + 5)], basePort + 5)
  try {
    await page.goto(`${server.url}/login`)
    const refused: number[] = []
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      if (await refusedFrom(page, { 'X-Client-IP': `203.0.113.${attempt}` }, attempt)) refused.push(attempt)
    }
    expect(refused[0]).toBe(LOGIN_IP_LIMIT + 1)
    expect(refused).toHaveLength(40 - LOGIN_IP_LIMIT)
  } finally {
    await server.stop()
  }
})

test('under npm start, the address its server determined counts (here from a trusted proxy’s X-Forwarded-For)', async ({ page }) => {
  test.setTimeout(180_000)
  const server = await startServer(['--import', 'tsx', 'scripts/start.mjs'], basePort + 6, { TRUSTED_PROXY_HOPS: '1' })
  try {
    await page.goto(`${server.url}/login`)
    for (let attempt = 1; attempt <= LOGIN_IP_LIMIT + 5; attempt += 1) {
      const header = { 'X-Forwarded-For': `198.51.100.${attempt}`, 'X-Client-IP': '203.0.113.1' }
      expect(await refusedFrom(page, header, attempt)).toBe(false)
    }
  } finally {
    await server.stop()
  }
})
