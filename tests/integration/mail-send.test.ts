import tls from 'node:tls'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mailOptionsFor } from '@/lib/mail/server/compose'
import { sendWithDiagnostics } from '@/lib/mail/server/diagnose'
import { clearSecurityVerdicts } from '@/lib/mail/server/security'
import { buildTransport } from '@/lib/mail/server/transport'
import { fixtureSettings, NO_AUTH, testMessage } from '../support/mail-fixtures'
import { startSmtpServer, TEST_USER, type TReceivedMail, type TTestSmtpServer } from '../support/smtp-server'
import { loadTestCa } from '../support/test-ca'

const STAGES = ['dns', 'tcp', 'tls', 'ehlo', 'auth', 'mail', 'rcpt', 'data']

// verdicts are kept per address and port: an ephemeral port may come back as another kind of server
beforeEach(() => clearSecurityVerdicts())

function expectDelivered(mail: TReceivedMail, options: { user: string | null; secure: boolean }) {
  const message = testMessage()
  expect(mail.mailFrom).toBe(message.from.address)
  expect(mail.rcptTo).toEqual([message.to])
  expect(mail.secure).toBe(options.secure)
  expect(mail.user).toBe(options.user)
  expect(mail.parsed.from?.value).toEqual([{ name: message.from.name, address: message.from.address }])
  expect(mail.parsed.replyTo?.value).toEqual([{ name: message.replyTo?.name, address: message.replyTo?.address }])
  expect(mail.parsed.subject).toBe(message.subject)
  expect(mail.parsed.text?.trim()).toBe(message.text)
  expect(mail.parsed.html).toContain(message.html)
}

describe('the test CA', () => {
  it('is trusted by this worker through NODE_EXTRA_CA_CERTS only', async () => {
    const ca = loadTestCa()
    expect(process.env.NODE_EXTRA_CA_CERTS).toBeTruthy()
    expect(tls.rootCertificates.some((root) => root.trim() === ca.caCert.trim())).toBe(false)
    const server = await startSmtpServer('implicit-tls')
    try {
      const socket = tls.connect({ host: '127.0.0.1', port: server.port, servername: 'localhost' })
      await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject))
      expect(socket.authorized).toBe(true)
      socket.destroy()
    } finally {
      await server.close()
    }
  })
})

describe('sendWithDiagnostics', () => {
  let starttls: TTestSmtpServer
  let implicit: TTestSmtpServer
  beforeAll(async () => {
    starttls = await startSmtpServer('starttls-auth')
    implicit = await startSmtpServer('implicit-tls')
  })
  afterAll(async () => {
    await Promise.all([starttls.close(), implicit.close()])
  })

  it('delivers over STARTTLS with AUTH and reports every stage', async () => {
    const result = await sendWithDiagnostics(fixtureSettings(starttls.port), testMessage(), { allowPrivateHosts: true })
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    if (!result.ok) return
    expect(result.reply).toMatch(/^250 /)
    expect(result.steps.map((step) => step.stage)).toEqual(STAGES)
    expect(result.steps.every((step) => step.status === 'ok')).toBe(true)
    const detail = Object.fromEntries(result.steps.map((step) => [step.stage, step.detail]))
    expect(detail.dns).toBe('localhost resolved to 127.0.0.1')
    expect(detail.tls).toMatch(/^STARTTLS: TLSv1\.3, \S+; certificate for localhost issued by Email Console Test CA$/)
    expect(detail.ehlo).toContain('STARTTLS')
    expect(detail.ehlo).toContain('AUTH PLAIN LOGIN')
    expect(detail.ehlo).toContain('SIZE 10485760')
    expect(detail.auth).toContain(`Logged in as ${TEST_USER.username} (235`)
    const [mail] = await starttls.waitForMessages(1)
    expectDelivered(mail, { user: TEST_USER.username, secure: true })
  })

  it('delivers over TLS from the first byte (the port stands in for 465)', async () => {
    const tuning = { implicitTlsPort: implicit.port }
    const result = await sendWithDiagnostics(fixtureSettings(implicit.port), testMessage(), { allowPrivateHosts: true, tuning })
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    expect(result.steps.map((step) => step.stage)).toEqual(STAGES)
    const tlsStep = result.steps.find((step) => step.stage === 'tls')
    expect(tlsStep?.detail).toMatch(/^TLS from the first byte: TLSv1\.3, \S+; certificate for localhost issued by Email Console Test CA$/)
    expect(result.steps.find((step) => step.stage === 'ehlo')?.detail).not.toContain('STARTTLS')
    const [mail] = await implicit.waitForMessages(1)
    expectDelivered(mail, { user: TEST_USER.username, secure: true })
  })

  it('checks an IP literal host against the IP in the certificate', async () => {
    const before = starttls.received.length
    const result = await sendWithDiagnostics(fixtureSettings(starttls.port, { host: '127.0.0.1' }), testMessage(), { allowPrivateHosts: true })
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    expect(result.steps[0].detail).toBe('IP address 127.0.0.1, no lookup needed')
    await starttls.waitForMessages(before + 1)
  })

  it('sends without credentials over STARTTLS (still required), skipping AUTH', async () => {
    const before = starttls.received.length
    const result = await sendWithDiagnostics(fixtureSettings(starttls.port, { auth: NO_AUTH }), testMessage(), { allowPrivateHosts: true })
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    expect(result.steps.find((step) => step.stage === 'tls')?.detail).toMatch(/^STARTTLS: /)
    expect(result.steps.find((step) => step.stage === 'auth')).toMatchObject({ status: 'skipped' })
    const received = await starttls.waitForMessages(before + 1)
    expectDelivered(received[before], { user: null, secure: true })
  })
})

describe('buildTransport', () => {
  let starttls: TTestSmtpServer
  let implicit: TTestSmtpServer
  beforeAll(async () => {
    starttls = await startSmtpServer('starttls-auth')
    implicit = await startSmtpServer('implicit-tls')
  })
  afterAll(async () => {
    await Promise.all([starttls.close(), implicit.close()])
  })

  it('sends through a pool over STARTTLS with AUTH', async () => {
    const transport = await buildTransport(fixtureSettings(starttls.port), { pool: true, allowPrivateHosts: true })
    try {
      const infos = await Promise.all([1, 2, 3].map(() => transport.sendMail(mailOptionsFor(testMessage()))))
      expect(infos.map((info) => info.accepted)).toEqual([[testMessage().to], [testMessage().to], [testMessage().to]])
      const received = await starttls.waitForMessages(3)
      for (const mail of received) expectDelivered(mail, { user: TEST_USER.username, secure: true })
    } finally {
      transport.close()
    }
  })

  it('sends over TLS from the first byte without a pool', async () => {
    const transport = await buildTransport(fixtureSettings(implicit.port), { allowPrivateHosts: true, tuning: { implicitTlsPort: implicit.port } })
    try {
      const info = await transport.sendMail(mailOptionsFor(testMessage()))
      expect(info.response).toMatch(/^250 /)
      const [mail] = await implicit.waitForMessages(1)
      expectDelivered(mail, { user: TEST_USER.username, secure: true })
    } finally {
      transport.close()
    }
  })
})
