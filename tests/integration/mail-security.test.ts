import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mailOptionsFor } from '@/lib/mail/server/compose'
import { sendWithDiagnostics } from '@/lib/mail/server/diagnose'
import { clearSecurityVerdicts, resolveSecurity } from '@/lib/mail/server/security'
import { classifySmtpError, errorContextFor } from '@/lib/mail/server/smtp-error'
import { buildTransport } from '@/lib/mail/server/transport'
import { resolveSmtpHost } from '@/lib/server/net/resolve-smtp-host'
import { fixtureSettings, NO_AUTH, testMessage } from '../support/mail-fixtures'
import { startSmtpServer, TEST_USER, type TTestSmtpServer } from '../support/smtp-server'

// Connection security against real servers on ephemeral ports: an implicit TLS port other than 465 (Amazon SES's
// 2465) found by detection under `auto`, STARTTLS required without credentials, and `none` for an internal relay.

const TEST_ONLY = { allowPrivateHosts: true }

beforeEach(() => clearSecurityVerdicts())

describe('auto: TLS from the first byte detected on a port other than 465', () => {
  let implicit: TTestSmtpServer
  beforeAll(async () => {
    implicit = await startSmtpServer('implicit-tls')
  })
  afterAll(() => implicit.close())

  it('delivers, and the test email says the TLS mode was detected', async () => {
    const result = await sendWithDiagnostics(fixtureSettings(implicit.port), testMessage(), TEST_ONLY)
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    const tlsStep = result.steps.find((step) => step.stage === 'tls')
    expect(tlsStep).toMatchObject({ status: 'ok' })
    expect(tlsStep?.detail).toMatch(/^TLS from the first byte \(detected\): TLSv1\.3, \S+; certificate for localhost issued by Email Console Test CA$/)
    const [mail] = await implicit.waitForMessages(1)
    expect(mail).toMatchObject({ secure: true, user: TEST_USER.username })
  })

  it('delivers through a pool, probing the port once for all messages', async () => {
    const before = implicit.received.length
    const transport = await buildTransport(fixtureSettings(implicit.port), { ...TEST_ONLY, pool: true })
    try {
      await Promise.all([1, 2, 3].map(() => transport.sendMail(mailOptionsFor(testMessage()))))
      const received = await implicit.waitForMessages(before + 3)
      expect(received.slice(before).every((mail) => mail.secure)).toBe(true)
    } finally {
      transport.close()
    }
    // the verdict is kept per address and port: asked again, it comes from the cache at once
    const target = await resolveSmtpHost('localhost', TEST_ONLY)
    await expect(resolveSecurity(fixtureSettings(implicit.port), target)).resolves.toEqual({ mode: 'tls', isDetected: true })
  })

  it('tls chosen explicitly: TLS from the first byte without probing', async () => {
    const result = await sendWithDiagnostics(fixtureSettings(implicit.port, { security: 'tls' }), testMessage(), TEST_ONLY)
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    expect(result.steps.find((step) => step.stage === 'tls')?.detail).toMatch(/^TLS from the first byte: /)
  })
})

describe('a plain server without STARTTLS', () => {
  let plain: TTestSmtpServer
  beforeAll(async () => {
    plain = await startSmtpServer('no-starttls')
  })
  afterAll(() => plain.close())

  it('auto without credentials: refused, TLS is required', async () => {
    const result = await sendWithDiagnostics(fixtureSettings(plain.port, { auth: NO_AUTH }), testMessage(), TEST_ONLY)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({
      field: 'security',
      stage: 'tls',
      message: 'The server does not offer STARTTLS, and this connection requires encryption (TLS)',
    })
    // the sending path refuses the same way
    const settings = fixtureSettings(plain.port, { auth: NO_AUTH })
    const transport = await buildTransport(settings, TEST_ONLY)
    const sendError = await transport.sendMail(mailOptionsFor(testMessage())).then(
      () => null,
      (caught: unknown) => caught,
    )
    transport.close()
    expect(classifySmtpError(sendError, errorContextFor(settings))).toMatchObject({ field: 'security', stage: 'tls' })
    expect(plain.received).toHaveLength(0)
  })

  it('none: delivered in plain text, the TLS step a warning', async () => {
    const before = plain.received.length
    const result = await sendWithDiagnostics(fixtureSettings(plain.port, { security: 'none', auth: NO_AUTH }), testMessage(), TEST_ONLY)
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    expect(result.steps.find((step) => step.stage === 'tls')).toMatchObject({
      status: 'warning',
      detail: expect.stringMatching(/^Unencrypted: internal relay/),
    })
    const received = await plain.waitForMessages(before + 1)
    expect(received[before]).toMatchObject({ secure: false, user: null })
  })

  it('none with a password: refused before connecting (credentials never travel unencrypted)', async () => {
    await expect(buildTransport(fixtureSettings(plain.port, { security: 'none' }), TEST_ONLY)).rejects.toThrow(/never sent unencrypted/)
  })
})
