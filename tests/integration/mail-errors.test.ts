import net from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mailOptionsFor } from '@/lib/mail/server/compose'
import { sendWithDiagnostics, type TDiagnosticResult } from '@/lib/mail/server/diagnose'
import { AUTH_FAILED_MESSAGE, classifySmtpError, errorContextFor } from '@/lib/mail/server/smtp-error'
import { clearSecurityVerdicts } from '@/lib/mail/server/security'
import { buildTransport } from '@/lib/mail/server/transport'
import type { TSmtpFailure, TSmtpSettings } from '@/lib/mail/types'
import { fixtureSettings, NO_AUTH, passwordAuth, testMessage } from '../support/mail-fixtures'
import { startSilentServer } from '../support/silent-server'
import { startSmtpServer, TEST_USER, type TSmtpFixtureKind, type TTestSmtpServer } from '../support/smtp-server'

// Short greeting timeout so the "never greets" cases finish in ~2 s instead of 8 + 2.
const FAST = { timeouts: { greetingTimeout: 1_000 } }

// verdicts are kept per address and port: an ephemeral port may come back as another kind of server
beforeEach(() => clearSecurityVerdicts())

async function diagnose(settings: TSmtpSettings, tuning = {}): Promise<Extract<TDiagnosticResult, { ok: false }>> {
  const result = await sendWithDiagnostics(settings, testMessage(), { allowPrivateHosts: true, tuning: { ...FAST, ...tuning } })
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  expect(JSON.stringify(result)).not.toContain(TEST_USER.password)
  const last = result.steps.at(-1)
  expect(last).toMatchObject({ stage: result.error.stage, status: 'failed', detail: result.error.message, hint: result.error.hint })
  return result
}

async function withServer<T>(kind: TSmtpFixtureKind, run: (server: TTestSmtpServer) => Promise<T>): Promise<T> {
  const server = await startSmtpServer(kind)
  try {
    return await run(server)
  } finally {
    await server.close()
  }
}

async function unusedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('send failures, against real servers', () => {
  let starttls: TTestSmtpServer
  beforeAll(async () => {
    starttls = await startSmtpServer('starttls-auth')
  })
  afterAll(() => starttls.close())

  it('wrong password: 535 on the password field, permanent', async () => {
    const { error, steps } = await diagnose(fixtureSettings(starttls.port, { auth: passwordAuth('wrong password') }))
    expect(error).toMatchObject({ field: 'password', stage: 'auth', message: AUTH_FAILED_MESSAGE, code: 535, isPermanent: true })
    expect(error.reply).toContain('5.7.8 Authentication credentials invalid')
    expect(steps.map((step) => `${step.stage}:${step.status}`)).toEqual(['dns:ok', 'tcp:ok', 'tls:ok', 'ehlo:ok', 'auth:failed'])
  })

  it('connection refused: the port field, transient', async () => {
    const { error, steps } = await diagnose(fixtureSettings(await unusedPort()))
    expect(error).toMatchObject({ field: 'port', stage: 'tcp', isPermanent: false })
    expect(error.message).toMatch(/^Connection refused: nothing accepts connections on port \d+ of localhost$/)
    expect(steps.map((step) => step.stage)).toEqual(['dns', 'tcp'])
  })

  it('host not found: the host field', async () => {
    const { error } = await diagnose(fixtureSettings(starttls.port, { host: 'no-such-host.invalid' }))
    expect(error).toMatchObject({ field: 'host', stage: 'dns', isPermanent: false })
    expect(error.message).toMatch(/^The host no-such-host\.invalid (could not be found|could not be looked up right now)$/)
  })

  it('a server that accepts the connection but never greets: the port field, within the timeout', async () => {
    const silent = await startSilentServer()
    try {
      const { error, durationMs, steps } = await diagnose(fixtureSettings(silent.port))
      expect(error).toMatchObject({
        field: 'port',
        stage: 'ehlo',
        message: 'The server accepted the connection but never sent its SMTP greeting',
        isPermanent: false,
      })
      expect(steps.map((step) => step.stage)).toEqual(['dns', 'tcp', 'ehlo'])
      expect(durationMs).toBeLessThan(5_000)
    } finally {
      await silent.close()
    }
  })

  it('TLS from the first byte against a STARTTLS port: the port field', async () => {
    const { error } = await diagnose(fixtureSettings(starttls.port), { implicitTlsPort: starttls.port })
    expect(error).toMatchObject({ field: 'port', stage: 'tls', hint: 'Port 465 expects TLS from the first byte; this server answered in plain text: use 587' })
  })

  it('TLS chosen for a port that speaks plain text first: the security field', async () => {
    const { error } = await diagnose(fixtureSettings(starttls.port, { security: 'tls' }))
    expect(error).toMatchObject({ field: 'security', stage: 'tls', message: 'TLS from the first byte was expected, but the server answered in plain text' })
    expect(error.hint).toBe('This port speaks plain text first: choose Connection security "Automatic" or "STARTTLS"')
  })

  it('STARTTLS chosen for a port that expects TLS from the first byte (the 2465 case): the security field', async () => {
    await withServer('implicit-tls', async (server) => {
      const { error, durationMs } = await diagnose(fixtureSettings(server.port, { security: 'starttls' }))
      expect(error).toMatchObject({ field: 'security', stage: 'ehlo' })
      expect(error.message).toBe('This port expects TLS from the first byte, but the connection waited for a plain-text greeting (STARTTLS)')
      expect(error.hint).toBe('Choose Connection security "TLS" (or "Automatic") for this port, or use the STARTTLS port of this server (usually 587)')
      expect(durationMs).toBeLessThan(5_000)
    })
  })

  it('self-signed certificate: not trusted, on the host field', async () => {
    await withServer('untrusted-cert', async (server) => {
      const { error } = await diagnose(fixtureSettings(server.port))
      expect(error).toMatchObject({
        field: 'host',
        stage: 'tls',
        message: "The server's certificate is not trusted (self-signed or issued by an unknown authority)",
      })
    })
  })

  it('certificate for another name: checked against the host name, not the IP it resolved to', async () => {
    // the certificate names 127.0.0.1 too, so this only fails if the name `localhost` is checked
    await withServer('wrong-name-cert', async (server) => {
      const { error } = await diagnose(fixtureSettings(server.port))
      expect(error).toMatchObject({ field: 'host', stage: 'tls', message: "The server's certificate is not valid for localhost" })
      expect(error.hint).toBe('The certificate was issued for wrong-name.example.test: enter that host name instead')
    })
  })

  it('sender rejected: the fromAddress field, permanent', async () => {
    await withServer('reject-sender', async (server) => {
      const { error, steps } = await diagnose(fixtureSettings(server.port))
      expect(error).toMatchObject({ field: 'fromAddress', stage: 'mail', code: 553, isPermanent: true, message: 'The server refused the sender address' })
      expect(error.reply).toContain('5.7.1 Sender address rejected')
      expect(steps.at(-1)).toMatchObject({ stage: 'mail', code: 553 })
    })
  })

  it('recipient rejected: the recipient field, after the sender was accepted', async () => {
    await withServer('reject-recipient', async (server) => {
      const { error, steps } = await diagnose(fixtureSettings(server.port))
      expect(error).toMatchObject({ field: 'recipient', stage: 'rcpt', code: 550, isPermanent: true, message: 'The server refused the recipient address' })
      expect(steps.slice(-2).map((step) => `${step.stage}:${step.status}`)).toEqual(['mail:ok', 'rcpt:failed'])
    })
  })

  it('authentication required but no credentials: the username field', async () => {
    await withServer('requires-auth', async (server) => {
      const { error } = await diagnose(fixtureSettings(server.port, { auth: NO_AUTH }))
      expect(error).toMatchObject({
        field: 'username',
        code: 530,
        isPermanent: true,
        message: 'This server requires authentication: enter a username and password',
      })
    })
  })

  it('credentials but no STARTTLS: refuses to send them in plain text', async () => {
    await withServer('no-starttls', async (server) => {
      const { error } = await diagnose(fixtureSettings(server.port))
      expect(error).toMatchObject({ field: 'security', stage: 'tls', message: 'The server does not offer STARTTLS, so the password cannot be sent securely' })
      expect(server.received).toHaveLength(0)
    })
  })
})

describe('errors from buildTransport (the outbox path) classify the same way', () => {
  async function sendError(settings: TSmtpSettings): Promise<TSmtpFailure> {
    const transport = await buildTransport(settings, { allowPrivateHosts: true, tuning: FAST })
    try {
      await transport.sendMail(mailOptionsFor(testMessage()))
    } catch (error) {
      return classifySmtpError(error, errorContextFor(settings))
    } finally {
      transport.close()
    }
    throw new Error('expected the send to fail')
  }

  it('wrong password', async () => {
    await withServer('starttls-auth', async (server) => {
      const failure = await sendError(fixtureSettings(server.port, { auth: passwordAuth('nope') }))
      expect(failure).toMatchObject({ field: 'password', message: AUTH_FAILED_MESSAGE, code: 535, isPermanent: true })
    })
  })

  it('connection refused', async () => {
    const failure = await sendError(fixtureSettings(await unusedPort()))
    expect(failure).toMatchObject({ field: 'port', stage: 'tcp', isPermanent: false })
  })

  it('no greeting', async () => {
    const silent = await startSilentServer()
    try {
      expect(await sendError(fixtureSettings(silent.port))).toMatchObject({ field: 'port', stage: 'ehlo', isPermanent: false })
    } finally {
      await silent.close()
    }
  })

  it('certificate for another name', async () => {
    await withServer('wrong-name-cert', async (server) => {
      expect(await sendError(fixtureSettings(server.port))).toMatchObject({
        field: 'host',
        stage: 'tls',
        message: "The server's certificate is not valid for localhost",
      })
    })
  })
})
