// POST /api/v1/email-provider/test (lib/management-api/server/test-email.ts) against a real SMTP server: the dialog's
// outcome and steps as JSON, with unsaved settings or the saved ones; input it refuses answers 400 on its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZTestEmailResult } from '@/lib/management-api/api-schema'
import { putEmailProvider } from '@/lib/management-api/server/email-provider'
import { postTestEmail } from '@/lib/management-api/server/test-email'
import { listRecentAudit } from '@/lib/audit/server/store'
import { env } from '@/lib/env'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { answers, call, captureConsole, newApiKey, newOrgWithOwner } from '../support/api-fixtures'
import { startSmtpServer, TEST_USER, type TTestSmtpServer } from '../support/smtp-server'
import { startTarpitServer } from '../support/tarpit-server'
import { waitUntil } from '../support/wait-until'
import { OUTSIDE_RECIPIENTS_PER_DAY } from '@/lib/email-provider/server/test-recipient'
import { consumeRateLimits } from '@/lib/server/rate-limit'

const PATH = '/api/v1/email-provider/test'
let server: TTestSmtpServer
let logs: string[]

beforeAll(async () => {
  logs = captureConsole()
  server = await startSmtpServer('starttls-auth')
  await getPrisma()
})
afterAll(async () => {
  await server.close()
  await closeDatabase()
})

const settings = () => ({
  preset: 'custom',
  host: 'localhost',
  port: server.port,
  security: 'starttls',
  authKind: 'password',
  username: TEST_USER.username,
  password: TEST_USER.password,
  fromAddress: 'no-reply@example.com',
})

async function setUp() {
  const { admin, org } = await newOrgWithOwner()
  const reader = await newApiKey(org.id, admin, 'read_only', 'reader')
  const writer = await newApiKey(org.id, admin, 'read_write', 'ci')
  return { org, reader: reader.key, writer: writer.key }
}

describe('POST /api/v1/email-provider/test', () => {
  it('sends with unsaved settings and answers the step-by-step result; audited as the key; read-only keys get 403', async () => {
    const { org, reader, writer } = await setUp()
    expect((await call(postTestEmail, 'POST', PATH, { key: reader, body: { recipient: 'you@example.com', settings: settings() } })).status).toBe(403)
    const answer = await call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient: 'you@example.com', settings: settings() } })
    expect(answer.status).toBe(200)
    const result = ZTestEmailResult.parse(answer.json)
    expect(result).toMatchObject({ ok: true, recipient: 'you@example.com' })
    expect(result.steps.map((step) => step.status)).not.toContain('failed')
    await server.waitForMessages(1)
    expect((await listRecentAudit(org.id))[0]).toMatchObject({ action: 'email_provider_test', actorEmail: 'api-key:ci' })
  })

  it('uses the saved provider (and its saved password) when no settings are sent', async () => {
    const { writer } = await setUp()
    const noSaved = await call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient: 'you@example.com' } })
    expect(noSaved.status).toBe(400)
    expect(noSaved.json?.errors).toEqual({ settings: 'No custom provider is saved: send the settings to test' })
    expect((await call(putEmailProvider, 'PUT', '/api/v1/email-provider', { key: writer, body: settings(), headers: { 'If-Match': '0' } })).status).toBe(200)
    const before = server.received.length
    const answer = await call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient: 'saved@example.com' } })
    expect(answer.json).toMatchObject({ ok: true, recipient: 'saved@example.com' })
    await server.waitForMessages(before + 1)
  })

  it('answers a failed test with ok false, the console’s message and the steps', async () => {
    const { writer } = await setUp()
    const answer = await call(postTestEmail, 'POST', PATH, {
      key: writer,
      body: { recipient: 'you@example.com', settings: { ...settings(), password: 'wrong' } },
    })
    expect(answer.status).toBe(200)
    const result = ZTestEmailResult.parse(answer.json)
    expect(result.ok).toBe(false)
    expect(result.steps.some((step) => step.status === 'failed')).toBe(true)
    expect(result.message).toMatch(/username or password/i)
  })

  it('answers a server that never finishes its EHLO reply (a tarpit) within the test email deadline', async () => {
    const { writer } = await setUp()
    const tarpit = await startTarpitServer()
    try {
      const startedAt = performance.now()
      const answer = await call(postTestEmail, 'POST', PATH, {
        key: writer,
        body: { recipient: 'you@example.com', settings: { ...settings(), port: tarpit.port } },
      })
      expect(performance.now() - startedAt).toBeLessThan(env.TEST_EMAIL_DEADLINE_MS + 1_000)
      expect(answer.status).toBe(200)
      const result = ZTestEmailResult.parse(answer.json)
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^The server did not finish the test email within \d+ seconds/) })
      expect(result.steps.find((step) => step.status === 'failed')).toMatchObject({ stage: 'ehlo' })
      await waitUntil(async () => tarpit.openConnections() === 0, 1_000)
    } finally {
      await tarpit.close()
    }
  }, 60_000)

  it('answers 400 with field errors named settings.<field> and recipient', async () => {
    const { writer } = await setUp()
    const invalid = await call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient: 'nobody', settings: { ...settings(), port: 'x' } } })
    expect(invalid.status).toBe(400)
    expect(invalid.json?.errors).toEqual({
      recipient: 'Enter a valid email address, like you@example.com',
      'settings.port': 'Port must be a whole number from 1 to 65535',
    })
    const noPassword = { ...settings(), password: undefined }
    const noSecret = await call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient: 'you@example.com', settings: noPassword } })
    expect(noSecret.status).toBe(400)
    expect(noSecret.json?.errors).toEqual({ 'settings.password': 'Enter the password for this username' })
  })

  it('goes only to the sender’s own address until an owner has verified theirs', async () => {
    const { admin, org } = await newOrgWithOwner({ ownerVerified: false })
    const writer = (await newApiKey(org.id, admin, 'read_write', 'ci')).key
    const stranger = await call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient: 'stranger@elsewhere.example', settings: settings() } })
    expect(stranger.status).toBe(400)
    expect(stranger.json?.errors?.recipient).toBe(
      `Until an owner of this organization has verified their email address, test emails go only to your own address, ${admin.email}.`,
    )
    const own = await call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient: admin.email.toUpperCase(), settings: settings() } })
    expect(own.json).toMatchObject({ ok: true })
  })

  it('caps test emails to outsiders per organization per day; members and the From Address’s domain stay open', async () => {
    const { admin, org } = await newOrgWithOwner()
    const writer = (await newApiKey(org.id, admin, 'read_write', 'ci')).key
    const send = (recipient: string) => call(postTestEmail, 'POST', PATH, { key: writer, body: { recipient, settings: settings() } })
    expect((await send('outsider@elsewhere.example')).json).toMatchObject({ ok: true })
    // the rest of today's allowance used up (the per-minute limit keeps a test from sending them all)
    for (let used = 1; used < OUTSIDE_RECIPIENTS_PER_DAY; used += 1) await consumeRateLimits([['test-email-outside-org', org.id]])
    const capped = await send('another@elsewhere.example')
    expect(capped.status).toBe(429)
    expect(Number(capped.headers.get('Retry-After'))).toBeGreaterThan(23 * 3600)
    expect(capped.json?.detail).toMatch(/^Test emails to addresses that are neither members nor on the From Address's domain are limited to 20 a day/)
    expect((await send(admin.email)).json).toMatchObject({ ok: true })
    expect((await send('colleague@example.com')).json).toMatchObject({ ok: true }) // From Address no-reply@example.com
  })

  it('never echoes the password in an answer or a log line', () => {
    for (const text of [...answers, ...logs]) expect(text).not.toContain(TEST_USER.password)
  })
})
