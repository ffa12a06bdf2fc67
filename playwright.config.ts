import { defineConfig } from '@playwright/test'

// scripts/test.sh prepares the database, the test CA and the build, then runs this against `next start`.
const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://localhost:${port}`
/** The platform's default provider during e2e: an SMTP sink the org-user spec starts on this port. */
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
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // The server's output goes to a file that the secrets test reads: no saved password may ever appear in it.
    command: `sh -c 'mkdir -p test-logs && exec node node_modules/next/dist/bin/next start -p ${port} > test-logs/e2e-server.log 2>&1'`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      APP_URL: baseURL,
      SMTP_ALLOW_PRIVATE_HOSTS: 'true',
      RATE_LIMIT_IP_MULTIPLIER: '100',
      DEFAULT_SMTP_URL: `smtp://${E2E_DEFAULT_SMTP.username}:${E2E_DEFAULT_SMTP.password}@localhost:${E2E_DEFAULT_SMTP.port}`,
      DEFAULT_MAIL_FROM: 'Platform Mail <no-reply@platform.test>',
      OUTBOX_POLL_MS: '200',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
})
