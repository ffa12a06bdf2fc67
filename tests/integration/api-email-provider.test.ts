// The Management API's email provider endpoints (app/api/v1/email-provider, lib/management-api/server/) called with
// real Requests and real keys on the run's database: read-only, read-write, revoked, unknown and foreign keys; the
// console's rules, words and audit trail; no secret in any answer or log line.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteEmailProvider, getEmailProvider, putEmailProvider } from '@/lib/management-api/server/email-provider'
import { ZProblem, ZProviderResponse } from '@/lib/management-api/api-schema'
import { listApiKeys, revokeApiKey } from '@/lib/api-keys/server/store'
import { RecentChanges } from '@/lib/audit/components/recent-changes'
import { listRecentAudit } from '@/lib/audit/server/store'
import { getProviderForSending, getProviderView } from '@/lib/email-provider/server/store'
import { formValuesOf } from '@/lib/email-provider/form-values'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { answers, call, captureConsole, newApiKey, newOrgWithOwner } from '../support/api-fixtures'

const PATH = '/api/v1/email-provider'
const PASSWORD = 'api pass – not to be echoed ✓'
const SETTINGS = {
  preset: 'custom',
  host: 'smtp.example.com',
  port: 587,
  security: 'auto',
  authKind: 'password',
  username: 'mailer',
  password: PASSWORD,
  fromAddress: 'no-reply@example.com',
  displayName: 'Example',
}

let logs: string[]
const keysIssued: string[] = []

beforeAll(async () => {
  logs = captureConsole()
  await getPrisma()
})
afterAll(() => closeDatabase())

async function setUp() {
  const { admin, org } = await newOrgWithOwner()
  const reader = await newApiKey(org.id, admin, 'read_only', 'reader')
  const writer = await newApiKey(org.id, admin, 'read_write', 'terraform')
  keysIssued.push(reader.key, writer.key)
  return { admin, org, reader: reader.key, writer: writer.key }
}

describe('API keys', () => {
  it('are shown once and stored as a SHA-256 hash with a short visible prefix; creating and revoking are audited', async () => {
    const { admin, org, writer } = await setUp()
    expect(writer).toMatch(/^mg_live_[A-Za-z0-9_-]{43}$/)
    const rows = await (await getPrisma()).apiKey.findMany({ where: { orgId: org.id } })
    expect(JSON.stringify(rows)).not.toContain(writer)
    const stored = rows.find((row) => row.name === 'terraform')!
    expect(stored.prefix).toBe(writer.slice(0, 14))
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/)
    const listed = await listApiKeys(org.id)
    expect(listed.map((key) => Object.keys(key).sort())[0]).toEqual([
      'access',
      'createdAt',
      'createdByEmail',
      'id',
      'lastUsedAt',
      'name',
      'prefix',
      'revokedAt',
    ])
    expect(await revokeApiKey(org.id, admin, stored.id)).toEqual({ ok: true })
    expect(await revokeApiKey(org.id, admin, stored.id)).toEqual({ ok: false, code: 'already-revoked' })
    const audit = await listRecentAudit(org.id)
    expect(audit.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ['api_key_revoke', admin.email],
      ['api_key_create', admin.email],
      ['api_key_create', admin.email],
    ])
    expect(JSON.stringify(audit)).not.toContain(writer)
  })

  it('answer 401 with WWW-Authenticate for a missing, malformed, unknown or revoked key, and never read a cookie', async () => {
    const { admin, org, writer } = await setUp()
    const unknown = `mg_live_${'A'.repeat(43)}`
    for (const key of [null, 'not-a-key', unknown]) {
      const answer = await call(getEmailProvider, 'GET', PATH, { key })
      expect(answer.status).toBe(401)
      expect(answer.headers.get('WWW-Authenticate')).toMatch(/^Bearer /)
      expect(ZProblem.parse(answer.json)).toMatchObject({ status: 401, title: 'Unauthorized' })
    }
    const cookieOnly = await call(getEmailProvider, 'GET', PATH, { headers: { Cookie: `better-auth.session_token=${writer}` } })
    expect(cookieOnly.status).toBe(401)
    expect((await call(getEmailProvider, 'GET', PATH, { key: writer })).status).toBe(200)
    const [stored] = (await listApiKeys(org.id)).filter((key) => key.name === 'terraform')
    await revokeApiKey(org.id, admin, stored!.id)
    expect((await call(getEmailProvider, 'GET', PATH, { key: writer })).status).toBe(401)
    expect((await call(putEmailProvider, 'PUT', PATH, { key: writer, body: SETTINGS, headers: { 'If-Match': '0' } })).status).toBe(401)
    expect((await call(deleteEmailProvider, 'DELETE', PATH, { key: writer, body: { confirm: true } })).status).toBe(401)
  })

  it('record when they were last used', async () => {
    const { org, reader } = await setUp()
    await call(getEmailProvider, 'GET', PATH, { key: reader })
    const used = (await listApiKeys(org.id)).find((key) => key.name === 'reader')
    expect(used?.lastUsedAt).toBeInstanceOf(Date)
    expect((await listApiKeys(org.id)).find((key) => key.name === 'terraform')?.lastUsedAt).toBeNull()
  })
})

describe('GET /api/v1/email-provider', () => {
  it('says provider null (the default is in use) with version 0, for a read-only key, with RateLimit headers', async () => {
    const { reader } = await setUp()
    const answer = await call(getEmailProvider, 'GET', PATH, { key: reader })
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ provider: null, version: 0 })
    expect(answer.headers.get('ETag')).toBe('"0"')
    expect(answer.headers.get('Cache-Control')).toBe('no-store')
    expect(Number(answer.headers.get('RateLimit-Limit'))).toBe(300)
    expect(Number(answer.headers.get('RateLimit-Remaining'))).toBe(299)
    expect(Number(answer.headers.get('RateLimit-Reset'))).toBeGreaterThan(0)
  })

  it('shows only the key’s own organization: a foreign key never sees or changes another’s provider', async () => {
    const first = await setUp()
    const second = await setUp()
    expect((await call(putEmailProvider, 'PUT', PATH, { key: first.writer, body: SETTINGS, headers: { 'If-Match': '"0"' } })).status).toBe(200)
    expect((await call(getEmailProvider, 'GET', PATH, { key: second.reader })).json).toEqual({ provider: null, version: 0 })
    expect((await call(deleteEmailProvider, 'DELETE', PATH, { key: second.writer, body: { confirm: true } })).status).toBe(409)
    expect((await getProviderView(first.org.id)).provider?.host).toBe('smtp.example.com')
  })
})

describe('PUT /api/v1/email-provider', () => {
  it('is refused to a read-only key (403) before the body is read', async () => {
    const { org, reader } = await setUp()
    const answer = await call(putEmailProvider, 'PUT', PATH, { key: reader, body: SETTINGS, headers: { 'If-Match': '0' } })
    expect(answer.status).toBe(403)
    expect(answer.json).toMatchObject({ status: 403, code: 'read-only-key' })
    expect((await getProviderView(org.id)).provider).toBeNull()
  })

  it('updates through the console’s service: a console reload shows the change and its audit row "via API key terraform"', async () => {
    const { org, writer } = await setUp()
    const answer = await call(putEmailProvider, 'PUT', PATH, { key: writer, body: SETTINGS, headers: { 'If-Match': '"0"' } })
    expect(answer.status).toBe(200)
    const body = ZProviderResponse.parse(answer.json)
    expect(body.version).toBe(1)
    expect(answer.headers.get('ETag')).toBe('"1"')
    expect(body.provider).toMatchObject({
      host: 'smtp.example.com',
      port: 587,
      username: 'mailer',
      hasPassword: true,
      hasSecret: true,
      updatedBy: 'api-key:terraform',
    })
    // what the console page loads
    const { provider, version } = await getProviderView(org.id)
    expect(formValuesOf(provider, version)).toMatchObject({
      host: 'smtp.example.com',
      port: '587',
      fromAddress: 'no-reply@example.com',
      password: '',
      version: 1,
    })
    expect((await getProviderForSending(org.id))?.secrets).toEqual({ password: PASSWORD })
    const audit = await listRecentAudit(org.id)
    expect(audit[0]).toMatchObject({ action: 'email_provider_update', actorEmail: 'api-key:terraform' })
    const html = renderToStaticMarkup(createElement(RecentChanges, { entries: audit, now: new Date() }))
    expect(html).toContain('Set up the custom provider smtp.example.com')
    expect(html).toContain('via API key terraform')
  })

  it('takes the version as a field, answers 409 with the console’s words for a stale one, 428 without one', async () => {
    const { writer } = await setUp()
    expect((await call(putEmailProvider, 'PUT', PATH, { key: writer, body: { ...SETTINGS, version: 0 } })).status).toBe(200)
    const stale = await call(putEmailProvider, 'PUT', PATH, { key: writer, body: { ...SETTINGS, displayName: 'Other', version: 0 } })
    expect(stale.status).toBe(409)
    expect(stale.json).toMatchObject({ code: 'conflict', detail: expect.stringContaining('changed by someone else') })
    const staleHeader = await call(putEmailProvider, 'PUT', PATH, { key: writer, body: { ...SETTINGS, version: 1 }, headers: { 'If-Match': '"0"' } })
    expect(staleHeader.status).toBe(409)
    const missing = await call(putEmailProvider, 'PUT', PATH, { key: writer, body: SETTINGS })
    expect(missing.status).toBe(428)
    expect(missing.json?.errors).toHaveProperty('version')
    const garbled = await call(putEmailProvider, 'PUT', PATH, { key: writer, body: SETTINGS, headers: { 'If-Match': '*' } })
    expect(garbled.status).toBe(400)
  })

  it('keeps the saved password when it is left out, and asks for it again when the server changes (the console’s rule and words)', async () => {
    const { org, writer } = await setUp()
    await call(putEmailProvider, 'PUT', PATH, { key: writer, body: SETTINGS, headers: { 'If-Match': '0' } })
    const withoutPassword = { ...SETTINGS, password: undefined }
    const kept = await call(putEmailProvider, 'PUT', PATH, { key: writer, body: { ...withoutPassword, displayName: 'Renamed' }, headers: { 'If-Match': '1' } })
    expect(kept.status).toBe(200)
    expect((await getProviderForSending(org.id))?.secrets).toEqual({ password: PASSWORD })
    const moved = await call(putEmailProvider, 'PUT', PATH, {
      key: writer,
      body: { ...withoutPassword, host: 'smtp.elsewhere.example' },
      headers: { 'If-Match': '2' },
    })
    expect(moved.status).toBe(400)
    expect(moved.json?.errors).toEqual({ password: 'Enter the password again: the server changed' })
  })

  it('answers 400 with the form’s field messages for invalid input', async () => {
    const { writer } = await setUp()
    const answer = await call(putEmailProvider, 'PUT', PATH, {
      key: writer,
      body: { ...SETTINGS, host: 'smtp://smtp.example.com', port: 70000, fromAddress: 'nope' },
      headers: { 'If-Match': '0' },
    })
    expect(answer.status).toBe(400)
    expect(answer.json?.errors).toEqual({
      host: 'Enter the host name only, without smtp:// or https://',
      port: 'Port must be a whole number from 1 to 65535',
      fromAddress: 'Enter a valid From Address, like no-reply@example.com',
    })
    for (const [rawBody, status] of [
      ['{"host": ', 400],
      ['[1, 2]', 400],
      ['"text"', 400],
      ['x'.repeat(70_000), 413],
    ] as const) {
      expect((await call(putEmailProvider, 'PUT', PATH, { key: writer, rawBody, headers: { 'If-Match': '0' } })).status).toBe(status)
    }
    expect((await call(putEmailProvider, 'PUT', PATH, { key: writer, rawBody: '{}', headers: { 'If-Match': '0', 'Content-Type': 'text/plain' } })).status).toBe(
      415,
    )
  })
})

describe('DELETE /api/v1/email-provider', () => {
  it('reverts only when confirmed, audited as the key; then there is nothing to revert (409); read-only keys get 403', async () => {
    const { org, reader, writer } = await setUp()
    await call(putEmailProvider, 'PUT', PATH, { key: writer, body: SETTINGS, headers: { 'If-Match': '0' } })
    expect((await call(deleteEmailProvider, 'DELETE', PATH, { key: reader, body: { confirm: true } })).status).toBe(403)
    const unconfirmed = await call(deleteEmailProvider, 'DELETE', PATH, { key: writer, body: {} })
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.json?.errors).toHaveProperty('confirm')
    expect((await call(deleteEmailProvider, 'DELETE', PATH, { key: writer, body: { confirm: true }, headers: { 'If-Match': '0' } })).status).toBe(409)
    const reverted = await call(deleteEmailProvider, 'DELETE', PATH, { key: writer, body: { confirm: true } })
    expect(reverted.status).toBe(200)
    expect(reverted.json).toEqual({ provider: null, version: 2 })
    expect((await listRecentAudit(org.id))[0]).toMatchObject({ action: 'email_provider_revert', actorEmail: 'api-key:terraform' })
    const again = await call(deleteEmailProvider, 'DELETE', PATH, { key: writer, body: { confirm: true } })
    expect(again.status).toBe(409)
    expect(again.json).toMatchObject({ code: 'nothing-to-revert' })
  })
})

describe('secrets', () => {
  it('never appear in an answer or a log line of this file', () => {
    expect(answers.length).toBeGreaterThan(20)
    for (const text of [...answers, ...logs]) {
      expect(text).not.toContain(PASSWORD)
      for (const key of keysIssued) expect(text).not.toContain(key)
    }
  })
})
