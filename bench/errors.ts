// Benchmark 2, time to a clear error: "Send test email" through the real page and Server Action against servers
// that fail in four ways; seconds from the click on Send to the failure showing in the dialog.
import { createServer, type AddressInfo } from 'node:net'
import { once } from 'node:events'
import { startSilentServer } from '../tests/support/silent-server'
import { startSmtpServer, TEST_USER } from '../tests/support/smtp-server'
import type { TConsoleApp } from './support/console-app'
import { fillProvider } from './support/console-app'
import { timeClickUntilText, waitForHydration } from './page'
import { maxRow, type TRow, type TSectionResult } from './support/results'
import { median } from './support/stats'

// `security` is the Connection security chosen (Automatic when unset: it would find TLS on any port by itself)
type TCase = { metric: string; port: number; password: string; maxSeconds: number; repeat: number; security?: 'starttls' }

async function closedPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** One test email with these settings; seconds until the dialog shows the failure, and its text. */
async function timeTestEmail(app: TConsoleApp, testCase: TCase): Promise<{ seconds: number; message: string }> {
  const { context, page } = await app.newAdminPage()
  try {
    await page.goto(app.providerUrl)
    await waitForHydration(page)
    await fillProvider(page, { 'Server Host': 'localhost', 'Server Port': String(testCase.port), Username: TEST_USER.username, Password: testCase.password })
    if (testCase.security) await page.getByLabel('Connection security', { exact: true }).selectOption(testCase.security)
    await page.getByRole('button', { name: 'Send test email' }).click()
    await page.getByRole('dialog').getByLabel('Recipient', { exact: true }).waitFor()
    // any role=alert in the dialog is the failure (success is a role=status, which would never match)
    const { ms, message } = await timeClickUntilText(page, 'Send', '', { within: '[role=dialog]', roles: '[role=alert]', timeoutMs: 60_000 })
    return { seconds: ms / 1000, message: message.trim() }
  } finally {
    await context.close()
  }
}

export async function runErrors(app: TConsoleApp, sinkPort: number, log: (line: string) => void): Promise<TSectionResult> {
  const section = '2 Errors'
  const silent = await startSilentServer()
  const implicitTls = await startSmtpServer('implicit-tls')
  // the other mismatch needs port 465 itself (the app dials TLS from the first byte only there)
  const plainOn465 = await startSmtpServer('starttls-auth', TEST_USER, 465).catch(() => null)
  const cases: TCase[] = [
    { metric: 'refused port', port: await closedPort(), password: TEST_USER.password, maxSeconds: 10, repeat: 3 },
    { metric: 'wrong password', port: sinkPort, password: 'not the password', maxSeconds: 1, repeat: 3 },
    { metric: 'host accepts TCP, never greets', port: silent.port, password: TEST_USER.password, maxSeconds: 10, repeat: 1 },
    {
      metric: 'TLS mismatch: STARTTLS chosen, port speaks TLS',
      port: implicitTls.port,
      password: TEST_USER.password,
      maxSeconds: 10,
      repeat: 1,
      security: 'starttls',
    },
  ]
  if (plainOn465) cases.push({ metric: 'TLS mismatch: port 465, server speaks plain SMTP', port: 465, password: TEST_USER.password, maxSeconds: 10, repeat: 1 })
  const rows: TRow[] = []
  const details: Record<string, unknown> = {}
  try {
    // test emails are limited to 10 a minute per organization: 3 + 3 + 1 + 1 + 1
    for (const testCase of cases) {
      const runs: Array<{ seconds: number; message: string }> = []
      for (let index = 0; index < testCase.repeat; index++) runs.push(await timeTestEmail(app, testCase))
      const seconds = median(runs.map((run) => run.seconds))
      log(`${testCase.metric}: ${seconds.toFixed(2)} s — ${runs[0]!.message.slice(0, 100)}`)
      rows.push(
        maxRow(
          {
            section,
            metric: `${testCase.metric}${testCase.repeat > 1 ? ` (median of ${testCase.repeat})` : ''}`,
            unit: 's',
            ours: seconds,
            target: `≤ ${testCase.maxSeconds} s`,
            note: `"${runs[0]!.message.slice(0, 140)}"`,
          },
          testCase.maxSeconds,
        ),
      )
      details[testCase.metric] = runs
    }
    if (!plainOn465) details.skipped = 'port 465 was not available for the plain-SMTP-on-465 case'
  } finally {
    await silent.close()
    await implicitTls.close()
    await plainOn465?.close()
  }
  return { rows, details }
}
