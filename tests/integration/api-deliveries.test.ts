// GET /api/v1/deliveries (cursor paging in lib/delivery/server/outbox/deliveries.ts) and the per-key rate limit of every
// Management API endpoint (RateLimit-* headers, 429 + Retry-After).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZDeliveriesPage } from '@/lib/management-api/api-schema'
import { getDeliveries } from '@/lib/management-api/server/deliveries'
import { getEmailProvider } from '@/lib/management-api/server/email-provider'
import { listRecentDeliveries } from '@/lib/delivery/server/outbox/deliveries'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { OutboxStatus } from '@/lib/enums'
import { call, newApiKey, newOrgWithOwner } from '../support/api-fixtures'
import { enqueueMany } from '../support/outbox-fixtures'

const PATH = '/api/v1/deliveries'

beforeAll(() => getPrisma())
afterAll(() => closeDatabase())

async function setUp() {
  const { admin, org } = await newOrgWithOwner()
  const reader = await newApiKey(org.id, admin, 'read_only')
  return { admin, org, reader: reader.key }
}

describe('GET /api/v1/deliveries', () => {
  it('pages through every delivery newest first by cursor, each exactly once', async () => {
    const { org, reader } = await setUp()
    const recipients = await enqueueMany(org.id, 5, 'paged')
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const answer = await call(getDeliveries, 'GET', PATH, { key: reader, query: `?limit=2${cursor ? `&cursor=${cursor}` : ''}` })
      expect(answer.status).toBe(200)
      const page = ZDeliveriesPage.parse(answer.json)
      expect(page.deliveries.length).toBeLessThanOrEqual(2)
      seen.push(...page.deliveries.map((delivery) => delivery.toAddress))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    // the console's Recent deliveries order (time, then id for emails of the same millisecond)
    expect(seen).toEqual((await listRecentDeliveries(org.id)).map((delivery) => delivery.toAddress))
    expect([...seen].sort()).toEqual([...recipients].sort())
  })

  it('filters by status, and sees only the key’s organization', async () => {
    const { org, reader } = await setUp()
    await enqueueMany(org.id, 2, 'queued')
    const other = await setUp()
    expect((await call(getDeliveries, 'GET', PATH, { key: reader, query: '?status=queued' })).json?.deliveries).toHaveLength(2)
    expect((await call(getDeliveries, 'GET', PATH, { key: reader, query: '?status=sent' })).json?.deliveries).toHaveLength(0)
    expect((await call(getDeliveries, 'GET', PATH, { key: other.reader })).json).toEqual({ deliveries: [], nextCursor: null })
  })

  it('filters by every status the outbox has, held included (issue 23: the API kept its own list without held)', async () => {
    const { org, reader } = await setUp()
    const [heldTo] = await enqueueMany(org.id, 1, 'held')
    const prisma = await getPrisma()
    await prisma.outboxMessage.updateMany({ where: { orgId: org.id }, data: { status: OutboxStatus.held } })
    const held = await call(getDeliveries, 'GET', PATH, { key: reader, query: '?status=held' })
    expect(held.status).toBe(200)
    expect(ZDeliveriesPage.parse(held.json).deliveries.map((delivery) => [delivery.toAddress, delivery.status])).toEqual([[heldTo, 'held']])
    for (const status of Object.values(OutboxStatus)) {
      expect((await call(getDeliveries, 'GET', PATH, { key: reader, query: `?status=${status}` })).status).toBe(200)
    }
  })

  it('answers 400 naming the parameter for a bad status, limit or cursor', async () => {
    const { reader } = await setUp()
    for (const [query, field] of [
      ['?status=lost', 'status'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?cursor=bm9wZQ', 'cursor'],
      ['?cursor=', 'cursor'],
    ]) {
      const answer = await call(getDeliveries, 'GET', PATH, { key: reader, query })
      expect(answer.status, query).toBe(400)
      expect(Object.keys(answer.json?.errors ?? {}), query).toEqual([field])
    }
  })
})

describe('the per-key rate limit', () => {
  it('counts down in RateLimit-Remaining, then answers 429 with Retry-After; other keys are not affected', async () => {
    const { admin, org, reader } = await setUp()
    let last = await call(getEmailProvider, 'GET', '/api/v1/email-provider', { key: reader })
    const limit = Number(last.headers.get('RateLimit-Limit'))
    expect(Number(last.headers.get('RateLimit-Remaining'))).toBe(limit - 1)
    for (let used = 1; used < limit; used++) last = await call(getEmailProvider, 'GET', '/api/v1/email-provider', { key: reader })
    expect(last.status).toBe(200)
    expect(last.headers.get('RateLimit-Remaining')).toBe('0')
    const refused = await call(getEmailProvider, 'GET', '/api/v1/email-provider', { key: reader })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(refused.headers.get('RateLimit-Remaining')).toBe('0')
    expect(refused.json).toMatchObject({ status: 429, code: 'rate-limited' })
    const fresh = await newApiKey(org.id, admin, 'read_only')
    expect((await call(getEmailProvider, 'GET', '/api/v1/email-provider', { key: fresh.key })).status).toBe(200)
  }, 60_000)
})
