import { afterEach, describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/db'
import { retryDeliveryNow } from '@/lib/delivery/server/health/retry-now'
import type { OutboxStatus } from '@/lib/enums'
import { createOrg, enqueueMany, outboxOf } from '../support/outbox-fixtures'

// Retry now (Recent deliveries): only a retrying or held message of the admin's own organization becomes due, audited.

const orgIds: string[] = []
const actor = { id: 'retry-admin', email: 'admin@retry.test' }
const IN_AN_HOUR = () => new Date(Date.now() + 3_600_000)

afterEach(async () => {
  const prisma = await getPrisma()
  await prisma.organization.deleteMany({ where: { id: { in: orgIds.splice(0) } } })
})

/** An organization with one message in each of `statuses`, all due in an hour. */
async function orgWith(statuses: readonly OutboxStatus[]) {
  const prisma = await getPrisma()
  const org = await createOrg()
  orgIds.push(org.id)
  await enqueueMany(org.id, statuses.length, org.slug)
  const rows = await outboxOf(org.id)
  for (const [index, status] of statuses.entries()) {
    await prisma.outboxMessage.update({ where: { id: rows[index]!.id }, data: { status, nextAttemptAt: IN_AN_HOUR() } })
  }
  return { org, ids: rows.map((row) => row.id) }
}

const nextAttemptOf = async (id: string) => (await (await getPrisma()).outboxMessage.findUniqueOrThrow({ where: { id } })).nextAttemptAt
const retryAudits = async (orgId: string) =>
  (await getPrisma()).auditEntry.findMany({ where: { orgId, action: 'delivery_retry_now' }, select: { actorId: true, actorEmail: true, details: true } })

describe('retryDeliveryNow', () => {
  it('makes a retrying message due now and records who did it', async () => {
    const { org, ids } = await orgWith(['retrying'])
    const before = Date.now()
    expect(await retryDeliveryNow(org.id, actor, ids[0]!)).toEqual({ ok: true, status: 'retrying' })
    expect((await nextAttemptOf(ids[0]!)).getTime()).toBeLessThanOrEqual(Date.now())
    expect((await nextAttemptOf(ids[0]!)).getTime()).toBeGreaterThanOrEqual(before - 1_000)
    expect(await retryAudits(org.id)).toEqual([
      { actorId: actor.id, actorEmail: actor.email, details: { recipient: `${org.slug}-0@users.test`, status: 'retrying' } },
    ])
  })

  it('makes a held message due now and lifts its organization’s hold (the failure count stays)', async () => {
    const { org, ids } = await orgWith(['held'])
    const prisma = await getPrisma()
    await prisma.deliveryHealth.create({ data: { orgId: org.id, failingSince: new Date(), failedRounds: 3, heldUntil: IN_AN_HOUR() } })
    expect(await retryDeliveryNow(org.id, actor, ids[0]!)).toEqual({ ok: true, status: 'held' })
    expect((await nextAttemptOf(ids[0]!)).getTime()).toBeLessThanOrEqual(Date.now())
    const health = await prisma.deliveryHealth.findUniqueOrThrow({ where: { orgId: org.id } })
    expect(health.heldUntil!.getTime()).toBeLessThanOrEqual(Date.now())
    expect(health.failedRounds).toBe(3)
    expect(await retryAudits(org.id)).toHaveLength(1)
  })

  it.each(['queued', 'sending', 'sent', 'failed', 'captured'] as const)('refuses a %s message, changing nothing', async (status) => {
    const { org, ids } = await orgWith([status])
    const due = await nextAttemptOf(ids[0]!)
    expect(await retryDeliveryNow(org.id, actor, ids[0]!)).toEqual({ ok: false, code: 'not-waiting' })
    expect(await nextAttemptOf(ids[0]!)).toEqual(due)
    expect(await retryAudits(org.id)).toEqual([])
  })

  it('refuses another organization’s message and an unknown id', async () => {
    const mine = await orgWith(['retrying'])
    const theirs = await orgWith(['retrying', 'held'])
    for (const id of theirs.ids) expect(await retryDeliveryNow(mine.org.id, actor, id)).toEqual({ ok: false, code: 'not-waiting' })
    expect(await retryDeliveryNow(mine.org.id, actor, 'no-such-message')).toEqual({ ok: false, code: 'not-waiting' })
    for (const id of theirs.ids) expect((await nextAttemptOf(id)).getTime()).toBeGreaterThan(Date.now() + 3_000_000)
    expect(await retryAudits(mine.org.id)).toEqual([])
    expect(await retryAudits(theirs.org.id)).toEqual([])
  })
})
