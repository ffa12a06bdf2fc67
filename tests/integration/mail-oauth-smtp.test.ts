import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto'
import { jwtVerify } from 'jose'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mailOptionsFor } from '@/lib/mail/server/compose'
import { sendWithDiagnostics, type TDiagnosticResult } from '@/lib/mail/server/diagnose'
import { clearAccessTokens } from '@/lib/mail/server/oauth'
import { clearSecurityVerdicts } from '@/lib/mail/server/security'
import { classifySmtpError, errorContextFor } from '@/lib/mail/server/smtp-error'
import { buildTransport } from '@/lib/mail/server/transport'
import type { TSmtpSettings } from '@/lib/mail/types'
import type { TTokenRequest } from '@/lib/mail/oauth-types'
import { fixtureSettings, testMessage } from '../support/mail-fixtures'
import { startTokenEndpoint, tokenAnswer, type TTokenCall, type TTokenEndpoint } from '../support/token-endpoint'
import { startXOAuth2Server, type TXOAuth2Server, type TXOAuth2ServerOptions } from '../support/xoauth2-smtp-server'

const USER = 'mailer@example.test'
const SECRET = 'Qx48Q~client.Secret-that-must-not-leak'
const SERVICE_ACCOUNT = 'mailer@project.iam.gserviceaccount.com'
const TEST_ONLY = { allowPrivateHosts: true }
const STAGES = ['dns', 'tcp', 'tls', 'ehlo', 'token', 'auth', 'mail', 'rcpt', 'data']

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
})

// tokens the endpoint issued and the SMTP server still accepts
const valid = new Set<string>()
const issued: string[] = []

function issue(): ReturnType<typeof tokenAnswer> {
  const token = `at-${issued.length + 1}-${randomUUID()}`
  issued.push(token)
  valid.add(token)
  return tokenAnswer(token)
}

// Client credentials with the right secret, or a service account assertion signed by the test key for USER.
async function answer(call: TTokenCall, endpoint: TTokenEndpoint) {
  if (call.params.get('grant_type') === 'client_credentials') {
    if (call.params.get('client_secret') === SECRET) return issue()
    return { status: 401, json: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } }
  }
  const { payload } = await jwtVerify(call.params.get('assertion') ?? '', createPublicKey(publicKey), { audience: endpoint.url, issuer: SERVICE_ACCOUNT })
  if (payload.sub !== USER || payload.scope !== 'https://mail.google.com/') return { status: 400, json: { error: 'invalid_grant' } }
  return issue()
}

describe('XOAUTH2 sending against a server that accepts only XOAUTH2', () => {
  let endpoint: TTokenEndpoint
  const servers: TXOAuth2Server[] = []

  async function smtpServer(options: Partial<TXOAuth2ServerOptions> = {}): Promise<TXOAuth2Server> {
    const server = await startXOAuth2Server({ isValid: (token, username) => username === USER && valid.has(token), ...options })
    servers.push(server)
    return server
  }

  function clientCredentials(overrides: Partial<Extract<TTokenRequest, { kind: 'client-credentials' }>> = {}): TTokenRequest {
    return {
      kind: 'client-credentials',
      tokenUrl: endpoint.url,
      clientId: 'app-1234',
      clientSecret: SECRET,
      scope: 'https://outlook.office365.com/.default',
      ...overrides,
    }
  }

  function oauthSettings(port: number, tokenRequest: TTokenRequest = clientCredentials()): TSmtpSettings {
    return fixtureSettings(port, { auth: { kind: 'oauth2', username: USER, tokenCacheKey: `org-${randomUUID()}`, tokenRequest } })
  }

  async function send(settings: TSmtpSettings) {
    const transport = await buildTransport(settings, TEST_ONLY)
    try {
      return await transport.sendMail(mailOptionsFor(testMessage()))
    } finally {
      transport.close()
    }
  }

  async function failure(result: Promise<TDiagnosticResult>) {
    const outcome = await result
    if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`)
    return outcome
  }

  beforeAll(async () => {
    endpoint = await startTokenEndpoint(() => ({ status: 500 }))
    endpoint.answer((call) => answer(call, endpoint))
  })
  beforeEach(() => clearSecurityVerdicts())
  afterEach(async () => {
    clearAccessTokens()
    endpoint.calls.length = 0
    issued.length = 0
    valid.clear()
    await Promise.all(servers.splice(0).map((server) => server.close()))
  })
  afterAll(() => endpoint.close())

  it('delivers with a good token; the test email shows the Token step and the XOAUTH2 sign-in, never the token', async () => {
    const server = await smtpServer()
    const settings = oauthSettings(server.port)
    const result = await sendWithDiagnostics(settings, testMessage(), TEST_ONLY)
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    expect(result.steps.map((step) => `${step.stage}:${step.status}`)).toEqual(STAGES.map((stage) => `${stage}:ok`))
    const detail = Object.fromEntries(result.steps.map((step) => [step.stage, step.detail]))
    expect(detail.token).toBe(`Access token from localhost:${endpoint.port}`)
    expect(detail.auth).toMatch(new RegExp(`^Signed in as ${USER} with OAuth 2\\.0 \\(XOAUTH2\\) \\(235 `))
    expect(detail.ehlo).toContain('AUTH XOAUTH2')
    for (const secret of [...issued, SECRET]) expect(JSON.stringify(result)).not.toContain(secret)

    const [mail] = await server.waitForMessages(1)
    const message = testMessage()
    expect(mail).toMatchObject({ mailFrom: message.from.address, rcptTo: [message.to], secure: true, user: USER })
    expect(mail.parsed.from?.value).toEqual([{ name: message.from.name, address: message.from.address }])
    expect(mail.parsed.replyTo?.value).toEqual([{ name: message.replyTo?.name, address: message.replyTo?.address }])
    expect(mail.parsed.subject).toBe(message.subject)
    expect(mail.parsed.text?.trim()).toBe(message.text)

    // sending reuses the cached token: one token request in all
    expect((await send(settings)).response).toMatch(/^250 /)
    await server.waitForMessages(2)
    expect(endpoint.calls).toHaveLength(1)
    expect(server.attempts.map((attempt) => attempt.accessToken)).toEqual([issued[0], issued[0]])
  })

  it('a token revoked at the server (XOAUTH2 error challenge): nodemailer renews once and delivers', async () => {
    const server = await smtpServer({ refusal: 'challenge' })
    const settings = oauthSettings(server.port)
    await send(settings)
    valid.delete(issued[0])
    expect((await send(settings)).response).toMatch(/^250 /)
    await server.waitForMessages(2)
    expect(endpoint.calls).toHaveLength(2)
    // smtp-server checks a token once; the refusal goes through the error challenge, then the renewed token
    expect(server.attempts.map((attempt) => attempt.accessToken)).toEqual([issued[0], issued[0], issued[1]])
  })

  it('a token refused with 535 at once (Microsoft): the cached token is dropped and the message sent once more', async () => {
    const server = await smtpServer({ refusal: { code: 535, text: '5.7.3 Authentication unsuccessful' } })
    const settings = oauthSettings(server.port)
    await send(settings)
    valid.delete(issued[0])
    expect((await send(settings)).response).toMatch(/^250 /)
    expect(endpoint.calls).toHaveLength(2)
    expect(server.attempts.map((attempt) => attempt.accessToken)).toEqual([issued[0], issued[0], issued[1]])
  })

  it('a fresh token refused: reported after one token request, on the mapped Microsoft reply', async () => {
    const server = await smtpServer({ isValid: (): boolean => false, refusal: { code: 535, text: '5.7.3 Authentication unsuccessful' } })
    const settings = oauthSettings(server.port)
    const error = await send(settings).catch((caught: unknown) => caught)
    expect(classifySmtpError(error, errorContextFor(settings))).toMatchObject({
      stage: 'auth',
      field: 'username',
      message: 'Microsoft 365 refused the app token for this mailbox',
      code: 535,
    })
    expect(endpoint.calls).toHaveLength(1)
    expect(server.received).toHaveLength(0)
  })

  it('a wrong client secret fails the Token step on the client secret; AUTH is not attempted', async () => {
    const server = await smtpServer()
    const settings = oauthSettings(server.port, clientCredentials({ clientSecret: 'wrong-secret-value' }))
    const { error, steps } = await failure(sendWithDiagnostics(settings, testMessage(), TEST_ONLY))
    expect(error).toMatchObject({ stage: 'token', field: 'clientSecret', isPermanent: false })
    expect(error.message).toContain('AADSTS7000215')
    expect(steps.map((step) => `${step.stage}:${step.status}`)).toEqual(['dns:ok', 'tcp:ok', 'tls:ok', 'ehlo:ok', 'token:failed', 'auth:skipped'])
    expect(server.attempts).toHaveLength(0)
    expect(JSON.stringify({ error, steps })).not.toContain('wrong-secret-value')

    // the sending path classifies the same way (nodemailer passes the TokenError on)
    const sendError = await send(settings).catch((caught: unknown) => caught)
    expect(classifySmtpError(sendError, errorContextFor(settings))).toMatchObject({ stage: 'token', field: 'clientSecret', isPermanent: false })
    expect(server.attempts).toHaveLength(0)
  })

  it('a Google service account (JWT bearer grant, key made at test time) delivers end to end', async () => {
    const server = await smtpServer()
    const settings = oauthSettings(server.port, {
      kind: 'google-service-account',
      serviceAccountKey: { client_email: SERVICE_ACCOUNT, private_key: privateKey, token_uri: endpoint.url },
      user: USER,
    })
    const result = await sendWithDiagnostics(settings, testMessage(), TEST_ONLY)
    expect(result.ok, JSON.stringify(result, null, 2)).toBe(true)
    expect(endpoint.calls[0].params.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer')
    const [mail] = await server.waitForMessages(1)
    expect(mail).toMatchObject({ user: USER, secure: true })
    expect(JSON.stringify(result)).not.toContain(issued[0])
  })

  it.each([
    [
      '535 5.7.139 (SMTP AUTH disabled for the tenant)',
      {
        isValid: (): boolean => false,
        refusal: {
          code: 535,
          text: '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled',
        },
      },
      { stage: 'auth', field: null, code: 535, message: 'Microsoft 365 refused the sign-in: SMTP AUTH is turned off for this organization or this mailbox' },
    ],
    [
      '535 5.7.3 (app token refused)',
      { isValid: (): boolean => false, refusal: { code: 535, text: '5.7.3 Authentication unsuccessful' } },
      { stage: 'auth', field: 'username', code: 535, message: 'Microsoft 365 refused the app token for this mailbox' },
    ],
    [
      '554 5.2.252 (SendAsDenied at MAIL FROM)',
      {
        mailFromError: {
          code: 554,
          text: '5.2.252 SendAsDenied; mailer@example.test not allowed to send as no-reply@example.test; STOREDRV.Submission.Exception:SendAsDeniedException',
        },
      },
      { stage: 'mail', field: 'fromAddress', code: 554, message: 'This mailbox may not send as the From Address' },
    ],
  ] as const)('maps the provider reply %s to its field and stage', async (_name, serverOptions, expected) => {
    const server = await smtpServer(serverOptions)
    const { error, steps } = await failure(sendWithDiagnostics(oauthSettings(server.port), testMessage(), TEST_ONLY))
    expect(error).toMatchObject(expected)
    expect(steps.at(-1)).toMatchObject({ stage: expected.stage, status: 'failed', detail: expected.message })
    for (const secret of [...issued, SECRET]) expect(JSON.stringify({ error, steps })).not.toContain(secret)
  })
})
