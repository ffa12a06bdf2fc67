// Receivers' refusals in plain words (lib/mail/server/provider-replies.ts), each from a real smtp-server that answers
// it, through the test email's diagnostics: Microsoft's end of password sign-in at AUTH, Gmail's 2025 refusals at DATA.
import { SMTPServer } from 'smtp-server'
import { afterEach, describe, expect, it } from 'vitest'
import { sendWithDiagnostics } from '@/lib/mail/server/diagnose'
import { fixtureSettings, testMessage } from '../support/mail-fixtures'
import { TEST_USER } from '../support/smtp-server'
import { loadTestCa } from '../support/test-ca'

type TReply = { code: number; text: string }

const servers: SMTPServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(() => resolve(null)))))
})

function replyError(reply: TReply): Error {
  return Object.assign(new Error(reply.text), { responseCode: reply.code })
}

/** A STARTTLS server with AUTH that refuses with `reply` at the sign-in or at the end of DATA. */
async function refusingServer(at: 'auth' | 'data', reply: TReply): Promise<number> {
  const ca = loadTestCa()
  const server = new SMTPServer({
    name: 'mx.example.test',
    key: ca.server.key,
    cert: ca.server.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (at === 'auth') return callback(replyError(reply))
      callback(auth.username === TEST_USER.username && auth.password === TEST_USER.password ? null : new Error('535 bad'), { user: auth.username })
    },
    onData(stream, _session, callback) {
      stream.resume()
      stream.on('end', () => callback(at === 'data' ? replyError(reply) : null))
    },
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.server.address() as { port: number }).port
}

describe('receivers’ refusals in plain words, from a server that answers them', () => {
  it.each([
    [
      'auth',
      { code: 550, text: '5.7.30 Basic authentication is not supported for Client Submission.' },
      { stage: 'auth', field: 'authKind', message: expect.stringContaining('no longer takes a password') },
    ],
    [
      'auth',
      { code: 535, text: '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled' },
      { stage: 'auth', field: 'authKind', hint: expect.stringContaining('Switch to OAuth 2.0') },
    ],
    [
      'data',
      { code: 550, text: '5.7.25 The IP address sending this message does not have a PTR record setup - gsmtp' },
      { stage: 'data', field: 'host', message: expect.stringContaining('PTR') },
    ],
    ['data', { code: 550, text: "5.7.29 This message wasn't sent over a TLS connection - gsmtp" }, { stage: 'data', field: 'security' }],
    [
      'data',
      { code: 421, text: '4.7.28 Gmail has detected an unusual rate of unsolicited mail - gsmtp' },
      { stage: 'data', field: null, message: expect.stringContaining('rate-limiting') },
    ],
    [
      'data',
      { code: 550, text: '5.7.27 The sender does not meet basic SPF requirements - gsmtp' },
      { stage: 'data', field: 'fromAddress', hint: expect.stringContaining('Sender domain') },
    ],
  ] as const)('at %s: %o', async (at, reply, expected) => {
    const port = await refusingServer(at, reply)
    const outcome = await sendWithDiagnostics(fixtureSettings(port), testMessage(), { allowPrivateHosts: true })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error).toMatchObject(expected)
    expect(outcome.steps.at(-1)).toMatchObject({ stage: expected.stage, status: 'failed' })
    expect(JSON.stringify(outcome)).not.toContain(TEST_USER.password)
  })
})
