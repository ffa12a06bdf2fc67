// Issue 12, the test email's part of defect 1: a server that greets, then drips `250-` lines, kept "Send test email"
// waiting forever (nodemailer's socket timeout never fires while bytes keep coming). A hard deadline ends the session.
import { afterEach, describe, expect, it } from 'vitest'
import { sendWithDiagnostics } from '@/lib/mail/server/diagnose'
import { clearSecurityVerdicts } from '@/lib/mail/server/security'
import { fixtureSettings, testMessage } from '../support/mail-fixtures'
import { startSmtpServer, TEST_USER } from '../support/smtp-server'
import { startTarpitServer, type TTarpitServer } from '../support/tarpit-server'
import { waitUntil } from '../support/wait-until'

const DEADLINE_MS = 2_000
const tarpits: TTarpitServer[] = []

afterEach(async () => {
  clearSecurityVerdicts()
  for (const tarpit of tarpits.splice(0)) await tarpit.close()
})

describe('the test email against a tarpit (greets, then drips 250- lines forever)', () => {
  it('ends at the deadline with a failed EHLO step in plain words, and destroys the connection', async () => {
    const tarpit = await startTarpitServer(200)
    tarpits.push(tarpit)
    const result = await sendWithDiagnostics(fixtureSettings(tarpit.port, { security: 'starttls' }), testMessage(), {
      allowPrivateHosts: true,
      deadlineMs: DEADLINE_MS,
    })

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.durationMs).toBeGreaterThanOrEqual(DEADLINE_MS)
    expect(result.durationMs).toBeLessThan(DEADLINE_MS + 1_000)
    expect(result.error).toMatchObject({
      stage: 'ehlo',
      message: 'The server did not finish the test email within 2 seconds (it kept the connection open without completing the exchange)',
      hint: 'Check the host and port: they may point at something other than a working SMTP server',
      isPermanent: false,
    })
    expect(result.steps.map((step) => `${step.stage}:${step.status}`)).toEqual(['dns:ok', 'tcp:ok', 'ehlo:failed'])
    expect(result.steps.at(-1)).toMatchObject({ detail: result.error.message, hint: result.error.hint })
    // destroyed, not left to the server: the tarpit would keep a polite QUIT waiting forever
    await waitUntil(async () => tarpit.openConnections() === 0, 1_000)
  })

  it('a server that takes the message and never answers DATA in time: the DATA step fails, the steps before it passed', async () => {
    const stalling = await startSmtpServer('starttls-auth', TEST_USER, 0, DEADLINE_MS * 10)
    try {
      const result = await sendWithDiagnostics(fixtureSettings(stalling.port), testMessage(), { allowPrivateHosts: true, deadlineMs: DEADLINE_MS })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.durationMs).toBeLessThan(DEADLINE_MS + 1_000)
      expect(result.error).toMatchObject({ stage: 'data', message: expect.stringMatching(/^The server did not finish the test email within 2 seconds/) })
      expect(result.steps.map((step) => `${step.stage}:${step.status}`)).toEqual([
        'dns:ok',
        'tcp:ok',
        'tls:ok',
        'ehlo:ok',
        'auth:ok',
        'mail:ok',
        'rcpt:ok',
        'data:failed',
      ])
    } finally {
      await stalling.close()
    }
  })

  it('a server that answers in time is not cut off: the deadline ends with the session', async () => {
    const server = await startSmtpServer('starttls-auth')
    try {
      const result = await sendWithDiagnostics(fixtureSettings(server.port), testMessage(), { allowPrivateHosts: true, deadlineMs: DEADLINE_MS * 2 })
      expect(result).toMatchObject({ ok: true })
      await server.waitForMessages(1)
    } finally {
      await server.close()
    }
  })
})
