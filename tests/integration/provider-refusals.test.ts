// Receivers' refusals in plain words (lib/mail/server/provider-replies.ts), each from a real smtp-server that answers
// it, through the test email's diagnostics: Microsoft's end of password sign-in at AUTH, Gmail's 2025 refusals at DATA.
import { afterEach, describe, expect, it } from 'vitest'
import { sendWithDiagnostics } from '@/lib/mail/server/diagnose'
import { fixtureSettings, testMessage } from '../support/mail-fixtures'
import { TEST_USER } from '../support/smtp-server'
import { startRefusingSmtpServer, type TRefusal, type TRefusingSmtpServer } from '../support/refusing-smtp-server'

const servers: TRefusingSmtpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function refusingServer(at: 'auth' | 'data', reply: TRefusal): Promise<number> {
  const server = await startRefusingSmtpServer(at, reply)
  servers.push(server)
  return server.port
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
      { stage: 'data', field: null, message: expect.stringContaining('rate-limiting'), fixIn: 'sender-domain' },
    ],
    [
      'data',
      { code: 550, text: '5.7.27 The sender does not meet basic SPF requirements - gsmtp' },
      { stage: 'data', field: 'fromAddress', hint: expect.stringContaining('Sender domain'), fixIn: 'sender-domain' },
    ],
  ] as const)('at %s: %o', async (at, reply, expected) => {
    const port = await refusingServer(at, reply)
    const outcome = await sendWithDiagnostics(fixtureSettings(port), testMessage(), { allowPrivateHosts: true })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error).toMatchObject(expected)
    expect(outcome.steps.at(-1)).toMatchObject({ stage: expected.stage, status: 'failed' })
    // a failure whose fix is in the domain's records links the Sender domain card; the others do not
    expect(outcome.steps.at(-1)?.fixIn).toBe('fixIn' in expected ? expected.fixIn : undefined)
    expect(JSON.stringify(outcome)).not.toContain(TEST_USER.password)
  })
})
