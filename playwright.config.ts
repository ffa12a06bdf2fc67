import { defineConfig } from '@playwright/test'

// scripts/test.sh prepares the databases, the test CA and the build, then runs this against `next start`:
// every spec against a server on PostgreSQL, and the org-user flows also against one on embedded PGlite.
const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://localhost:${port}`
const pglitePort = port + 1
const pgliteURL = `http://localhost:${pglitePort}`
/** The platform's default provider during e2e: an SMTP sink the org-user spec starts on this port. */
/** The DNS server the e2e servers ask (DNS_SERVERS) for the Sender domain check: the sender-domain spec starts it. */
export const E2E_DNS_PORT = Number(process.env.E2E_DNS_PORT ?? port + 2)
/** The fake of Postmark's API the e2e servers send to (MAIL_API_BASE_URLS): the provider-postmark spec starts it. */
export const E2E_POSTMARK_PORT = Number(process.env.E2E_POSTMARK_PORT ?? Number(process.env.E2E_DEFAULT_SMTP_PORT ?? 2526) + 10)
export const E2E_DEFAULT_SMTP = { port: Number(process.env.E2E_DEFAULT_SMTP_PORT ?? 2526), username: 'platform', password: 'platform-smtp-pass' }

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'postgres', use: { baseURL }, testIgnore: /zz-server-log/ },
    { name: 'pglite', use: { baseURL: pgliteURL }, testMatch: /org-user-flows/, dependencies: ['postgres'] },
    { name: 'server-logs', testMatch: /zz-server-log/, dependencies: ['postgres', 'pglite'] },
  ],
  webServer: [
    { ...serverOn(port, 'e2e-server.log'), env: { ...serverEnv(baseURL) } },
    {
      ...serverOn(pglitePort, 'e2e-server-pglite.log'),
      env: { ...serverEnv(pgliteURL), DATABASE_URL: '', PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? 'memory://' },
    },
  ],
})

// The server's output goes to a file that the secrets test reads: no saved password may ever appear in it.
function serverOn(serverPort: number, logFile: string) {
  return {
    command: `sh -c 'mkdir -p test-logs && PORT=${serverPort} NODE_ENV=production exec node --import tsx scripts/start.mjs > test-logs/${logFile} 2>&1'`,
    url: `http://localhost:${serverPort}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
  }
}

function serverEnv(appUrl: string): Record<string, string> {
  return {
    APP_URL: appUrl,
    SMTP_ALLOW_PRIVATE_HOSTS: 'true',
    RATE_LIMIT_IP_MULTIPLIER: '100',
    DEFAULT_SMTP_URL: `smtp://${E2E_DEFAULT_SMTP.username}:${E2E_DEFAULT_SMTP.password}@localhost:${E2E_DEFAULT_SMTP.port}`,
    DEFAULT_MAIL_FROM: 'Platform Mail <no-reply@platform.test>',
    OUTBOX_POLL_MS: '200',
    DNS_SERVERS: `127.0.0.1:${E2E_DNS_PORT}`,
    MAIL_API_BASE_URLS: `postmark=https://localhost:${E2E_POSTMARK_PORT}`,
    NEXT_TELEMETRY_DISABLED: '1',
  }
}
