// Fuzzed bodies and queries into every Management API endpoint that takes input (fast-check): invalid input answers
// 400 with field errors in RFC 9457 problem details, never 500; bodies that are not JSON objects answer 400/413/415.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asProviderForm } from '@/lib/management-api/provider-body'
import { ZProblem } from '@/lib/management-api/api-schema'
import { getDeliveries } from '@/lib/management-api/server/deliveries'
import { deleteEmailProvider, putEmailProvider } from '@/lib/management-api/server/email-provider'
import { postTestEmail } from '@/lib/management-api/server/test-email'
import { ZEmailProviderForm } from '@/lib/email-provider/schema'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { call, newApiKey, newOrgWithOwner, type THandler } from '../support/api-fixtures'

// host stays a name that resolves at once: a fuzzed valid form must not wait on DNS
const BASE = {
  preset: 'custom',
  host: 'localhost',
  port: 2,
  security: 'auto',
  authKind: 'password',
  username: 'mailer',
  password: 'fuzz-secret',
  fromAddress: 'no-reply@example.com',
  replyTo: '',
  displayName: 'Fuzz',
}
const FIELDS = ['preset', 'port', 'security', 'authKind', 'username', 'password', 'fromAddress', 'replyTo', 'displayName', 'tenantId', 'tokenUrl', 'clientId']
const RUNS = 80

let writerOf: () => Promise<string>

beforeAll(async () => {
  await getPrisma()
  const { admin, org } = await newOrgWithOwner()
  // a fresh key per property: each stays under the per-key rate limit
  writerOf = async () => (await newApiKey(org.id, admin, 'read_write')).key
})
afterAll(() => closeDatabase())

/** A valid body with one to three fields replaced by arbitrary JSON (or removed), or an arbitrary JSON object. */
const fuzzedBody = fc.oneof(
  fc
    .record({ replaced: fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.jsonValue(), fc.constant(undefined)), { minKeys: 1, maxKeys: 3 }) })
    .map(({ replaced }) => ({ ...BASE, ...replaced })),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }),
)

function expectProblem(status: number, json: unknown) {
  expect(json).not.toBeNull()
  const problem = ZProblem.parse(json)
  expect(problem.status).toBe(status)
  return problem
}

async function expectInvalid(handler: THandler, method: string, path: string, key: string, body: unknown, headers: Record<string, string> = {}) {
  const answer = await call(handler, method, path, { key, body, headers })
  expect(answer.status).not.toBe(500)
  return answer
}

describe('fuzzed bodies', () => {
  it('PUT /api/v1/email-provider: 400 with a message for each invalid field the schema names, never 500', async () => {
    const key = await writerOf()
    await fc.assert(
      fc.asyncProperty(fuzzedBody, async (body) => {
        const isValid = ZEmailProviderForm.safeParse(asProviderForm(body, 0)).success
        const answer = await expectInvalid(putEmailProvider, 'PUT', '/api/v1/email-provider', key, body, { 'If-Match': '"0"' })
        // a form the schema takes may still be refused by the service (a missing secret): 400 on its field too
        if (isValid && answer.status !== 400) {
          expect([200, 409]).toContain(answer.status)
          return
        }
        const problem = expectProblem(400, answer.json)
        expect(Object.keys(problem.errors ?? {}).length).toBeGreaterThan(0)
        for (const words of Object.values(problem.errors ?? {})) expect(words).toMatch(/\S/)
      }),
      { numRuns: RUNS },
    )
  })

  it('POST /api/v1/email-provider/test: 400 with field errors, never 500', async () => {
    const key = await writerOf()
    const testBody = fc.oneof(
      fc.record({ recipient: fc.jsonValue(), settings: fuzzedBody }),
      fc.record({ recipient: fc.constant('you@example.com'), settings: fc.jsonValue() }),
      fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
    )
    await fc.assert(
      fc.asyncProperty(testBody, async (body) => {
        const answer = await expectInvalid(postTestEmail, 'POST', '/api/v1/email-provider/test', key, body)
        if (answer.status === 400) expect(Object.keys(expectProblem(400, answer.json).errors ?? {}).length).toBeGreaterThan(0)
        else expect([200, 429]).toContain(answer.status) // a valid request: the test ran (or the org's test limit)
      }),
      { numRuns: RUNS },
    )
  })

  it('DELETE /api/v1/email-provider: anything but {"confirm": true} is 400 on its field', async () => {
    const key = await writerOf()
    const body = fc.dictionary(fc.constantFrom('confirm', 'version', 'x'), fc.jsonValue(), { maxKeys: 3 }).filter((value) => value.confirm !== true)
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const answer = await expectInvalid(deleteEmailProvider, 'DELETE', '/api/v1/email-provider', key, value)
        expect(expectProblem(400, answer.json).errors).toHaveProperty('confirm')
      }),
      { numRuns: RUNS },
    )
  })

  it('any text as a body: 400 (not JSON, not an object), 413 or a field error, never 500', async () => {
    const key = await writerOf()
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (rawBody) => {
        const answer = await call(putEmailProvider, 'PUT', '/api/v1/email-provider', { key, rawBody, headers: { 'If-Match': '0' } })
        expect([400, 413]).toContain(answer.status)
        expectProblem(answer.status, answer.json)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('fuzzed queries', () => {
  it('GET /api/v1/deliveries: 200 or 400 naming the parameter, never 500', async () => {
    const key = await writerOf()
    const params = fc.dictionary(fc.constantFrom('status', 'limit', 'cursor', 'other'), fc.string({ maxLength: 600 }), { maxKeys: 4 })
    await fc.assert(
      fc.asyncProperty(params, async (values) => {
        const answer = await call(getDeliveries, 'GET', '/api/v1/deliveries', { key, query: `?${new URLSearchParams(values)}` })
        if (answer.status === 200) return
        const problem = expectProblem(400, answer.json)
        expect(Object.keys(problem.errors ?? {}).every((field) => ['status', 'limit', 'cursor'].includes(field))).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })
})
