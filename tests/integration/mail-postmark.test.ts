// Postmark over its HTTP API (lib/mail/server/transports/postmark/) against an in-process HTTPS fake that answers as
// Postmark documents: delivery through the outbox worker with keep-alive, the provider's message id on the row, the
// documented JSON body, the test email's steps, each mapped error, 429 with Retry-After, and the deadlines.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { saveProvider } from '@/lib/email-provider/server/store'
import { sendTestEmail } from '@/lib/email-provider/server/test-email'
import { ZTestEmailRequest } from '@/lib/email-provider/schema'
import { attemptDelivery, retryOrGiveUp } from '@/lib/delivery/server/worker/deliver'
import { sendingProviderFor } from '@/lib/delivery/server/worker/sending-provider'
import type { TClaimedMessage } from '@/lib/delivery/server/outbox/claim'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { atSenderDomain } from '@/lib/mail/server/message-id'
import { forgetAllApiPools } from '@/lib/mail/server/transports/http/api-pool'
import { enqueueMany, outboxOf } from '../support/outbox-fixtures'
import { outboxHarness } from '../support/outbox-harness'
import { POSTMARK_TOKEN, postmarkError, startPostmarkFake, type TPostmarkFake } from '../support/postmark-fake'
import { waitUntil } from '../support/wait-until'

const { workers, orgIds } = outboxHarness()
const actor = { id: 'test-admin', email: 'admin@example.test' }
let fake: TPostmarkFake

beforeAll(async () => {
  fake = await startPostmarkFake()
  env.MAIL_API_BASE_URLS = { postmark: fake.url }
})
afterAll(async () => {
  forgetAllApiPools()
  await fake.close()
})
beforeEach(() => {
  fake.answer(null)
  forgetAllApiPools()
})

const NO_SIGN_IN = { username: null, tenantId: null, tokenUrl: null, clientId: null, scope: null, clientSecretExpiresAt: null, serviceAccountEmail: null }

/** An organization whose provider is Postmark over its API with `apiKey`. */
async function postmarkOrg(apiKey = POSTMARK_TOKEN) {
  const prisma = await getPrisma()
  const suffix = randomBytes(4).toString('hex')
  const org = await prisma.organization.create({ data: { name: `Postmark ${suffix}`, slug: `postmark-${suffix}` } })
  orgIds.push(org.id)
  const write = {
    ...NO_SIGN_IN,
    preset: 'postmark' as const,
    sendingMethod: 'api' as const,
    host: 'api.postmarkapp.com',
    port: 443,
    security: 'tls' as const,
    authKind: 'none' as const,
    fromAddress: 'no-reply@outbox.test',
    replyTo: 'help@outbox.test',
    displayName: 'Outbox "Org"',
    dkimSelector: null,
    useDefaultOnFailure: false,
    secrets: { apiKey },
  }
  await saveProvider(org.id, actor, 0, write, [])
  return org
}

function claimed(orgId: string, overrides: Partial<TClaimedMessage> = {}): TClaimedMessage {
  return {
    id: 'm-1',
    orgId,
    kind: 'verify',
    toAddress: 'user@users.test',
    subject: 'Verify',
    html: '<p>Hi</p>',
    text: 'Hi',
    messageId: `<${randomBytes(6).toString('hex')}@outbox.test>`,
    attempts: 1,
    createdAt: new Date(),
    claimToken: 't',
    previousStatus: 'queued',
    providerVersion: 1,
    ...overrides,
  } as TClaimedMessage
}

const testRequest = (apiKey: string) =>
  ZTestEmailRequest.parse({
    recipient: 'you@outbox.test',
    settings: {
      preset: 'postmark',
      sendingMethod: 'api',
      apiKey,
      host: 'smtp.postmarkapp.com',
      port: '587',
      security: 'starttls',
      authKind: 'none',
      fromAddress: 'no-reply@outbox.test',
      replyTo: '',
      displayName: 'Outbox',
      dkimSelector: '',
      useDefaultOnFailure: false,
      version: 0,
    },
  })

describe('Postmark over its API', () => {
  it('delivers through the worker with the documented JSON, keeps the connection alive, and stores the MessageID', async () => {
    const { id } = await postmarkOrg()
    await enqueueMany(id, 6)
    workers.push(createDeliveryWorker(getPrisma))
    await waitUntil(async () => (await outboxOf(id)).every((row) => row.status === 'sent'))
    const rows = await outboxOf(id)
    expect(rows.map((row) => row.provider)).toEqual(Array(6).fill('custom (Postmark API)'))
    // each row holds the id Postmark answered for its message
    const byTo = new Map(fake.accepted.map(({ call, messageId }) => [call.json?.To, messageId]))
    expect(rows.map((row) => row.providerMessageId)).toEqual(rows.map((row) => byTo.get(row.toAddress)))
    const { call } = fake.accepted.find((sent) => sent.call.json?.To === rows[0]!.toAddress)!
    expect(call.headers['x-postmark-server-token']).toBe(POSTMARK_TOKEN)
    expect(call.json).toEqual({
      From: '"Outbox \\"Org\\"" <no-reply@outbox.test>',
      To: rows[0]!.toAddress,
      ReplyTo: 'help@outbox.test',
      Subject: `Verify ${rows[0]!.toAddress}`,
      HtmlBody: `<p>${rows[0]!.toAddress}</p>`,
      TextBody: rows[0]!.toAddress,
      Headers: [{ Name: 'Message-ID', Value: atSenderDomain(rows[0]!.messageId, 'no-reply@outbox.test') }],
      MessageStream: 'outbound',
    })
    // one pool per organization, kept alive: never more connections than the pool's five
    expect(fake.connections()).toBeLessThanOrEqual(5)
    // the file's first worker run also opens the database (PGlite: its first start) on a shared machine
  }, 60_000)

  it('the test email: Resolve → Connect → Authenticate (GET /server) → Send → Accepted, the key never in the answer', async () => {
    const org = await postmarkOrg()
    const outcome = await sendTestEmail(org, actor, testRequest(POSTMARK_TOKEN))
    expect(outcome.ok).toBe(true)
    const steps = outcome.steps ?? []
    expect(steps.slice(0, 5).map((step) => [step.stage, step.status])).toEqual([
      ['resolve', 'ok'],
      ['connect', 'ok'],
      ['authenticate', 'ok'],
      ['send', 'ok'],
      ['accepted', 'ok'],
    ])
    expect(steps[1]!.detail).toMatch(/certificate for .* verified/)
    expect(steps[2]!.detail).toContain('Mailgate test server')
    expect(steps[4]!.detail).toContain(fake.accepted.at(-1)!.messageId)
    expect(fake.calls.slice(-2).map((call) => `${call.method} ${call.path}`)).toEqual(['GET /server', 'POST /email'])
    expect(JSON.stringify(outcome)).not.toContain(POSTMARK_TOKEN)
  })

  it('a wrong key fails at Authenticate, on the API key field, in plain words', async () => {
    const org = await postmarkOrg()
    const outcome = await sendTestEmail(org, actor, testRequest('wrong-token'))
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.fieldErrors).toEqual({ apiKey: expect.any(String) })
    expect(outcome.message).toMatch(/Postmark refused the API key/)
    expect(outcome.steps?.map((step) => [step.stage, step.status])).toEqual([
      ['resolve', 'ok'],
      ['connect', 'ok'],
      ['authenticate', 'failed'],
      ['domain', expect.any(String)],
    ])
    expect(JSON.stringify(outcome)).not.toContain('wrong-token')
  })

  it.each([
    ['406 inactive recipient', postmarkError(422, 406, 'You tried to send to recipient(s) that have been marked as inactive.'), 'failed', 'recipient'],
    ['300 invalid To', postmarkError(422, 300, "Invalid 'To' address: 'nobody'."), 'failed', 'recipient'],
    ['412 account pending', postmarkError(422, 412, 'Your account is pending approval.'), 'failed', 'recipient'],
    [
      '300 unverified From',
      postmarkError(422, 300, "Invalid 'From' address: 'x@outbox.test' is not a verified sender signature."),
      'org-failure',
      'fromAddress',
    ],
    ['401 revoked token', postmarkError(401, 10, 'Request does not contain a valid Server token.'), 'org-failure', 'apiKey'],
    ['503 maintenance', postmarkError(503, 100, 'Maintenance'), 'retrying', null],
  ] as const)('maps %s: %s', async (_name, answer, status, field) => {
    const { id } = await postmarkOrg()
    fake.answer((call) => (call.path === '/email' ? answer : null))
    const attempt = await attemptDelivery(claimed(id), () => sendingProviderFor(id))
    expect(attempt.status).toBe(status)
    if (attempt.status === 'org-failure') expect((attempt.failure as { field?: string }).field).toBe(field)
  })

  it('429 is retried after the answer’s Retry-After', async () => {
    const { id } = await postmarkOrg()
    fake.answer((call) => (call.path === '/email' ? postmarkError(429, 429, 'Rate limit exceeded', { 'retry-after': '7' }) : null))
    const message = claimed(id)
    const attempt = await attemptDelivery(message, () => sendingProviderFor(id))
    expect(attempt).toMatchObject({ status: 'retrying', retryAfterMs: 7000 })
    if (attempt.status !== 'retrying') return
    const now = Date.now()
    expect(retryOrGiveUp(message, attempt.provider, attempt.error, now, attempt.retryAfterMs)).toMatchObject({ nextAttemptAt: new Date(now + 7000) })
  })

  it('a service that never answers: delivery ends at its deadline (held), the test email at its own on the Send step', async () => {
    const org = await postmarkOrg()
    fake.answer((call) => (call.path === '/email' ? 'never' : null))
    const attempt = await attemptDelivery(claimed(org.id), () => sendingProviderFor(org.id), 600)
    expect(attempt).toMatchObject({ status: 'org-failure', error: expect.stringMatching(/did not finish the delivery in time/) })
    const previous = env.TEST_EMAIL_DEADLINE_MS
    env.TEST_EMAIL_DEADLINE_MS = 800
    try {
      const outcome = await sendTestEmail(org, actor, testRequest(POSTMARK_TOKEN))
      expect(outcome.ok).toBe(false)
      expect(outcome.steps?.slice(0, 4).map((step) => [step.stage, step.status])).toEqual([
        ['resolve', 'ok'],
        ['connect', 'ok'],
        ['authenticate', 'ok'],
        ['send', 'failed'],
      ])
    } finally {
      env.TEST_EMAIL_DEADLINE_MS = previous
    }
  })
})
