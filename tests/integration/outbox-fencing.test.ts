import { afterEach, describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/db'
import { claimDueMessages, releaseMessages, type TClaimRequest } from '@/lib/delivery/server/outbox/claim'
import { recordOutcome, recordOutcomes } from '@/lib/delivery/server/worker/record-outcomes'
import { createOrg, enqueueMany, outboxOf } from '../support/outbox-fixtures'
import { waitUntil } from '../support/wait-until'

// Defect 2 of issue 12: outcomes were fenced by the worker id only, which the worker's lanes share, so a lane whose
// lease had run out could overwrite the newer claim of another lane (and its message was sent a third time).

const orgIds: string[] = []

afterEach(async () => {
  const prisma = await getPrisma()
  await prisma.organization.deleteMany({ where: { id: { in: orgIds.splice(0) } } })
})

const request = (leaseMs: number): TClaimRequest => ({ workerId: 'same-worker', limit: 100, perOrgLimit: 100, busy: new Map(), leaseMs, afterOrgId: '' })

async function claimOwn(orgId: string, leaseMs: number) {
  return (await claimDueMessages(await getPrisma(), request(leaseMs))).filter((message) => message.orgId === orgId)
}

async function leaseExpired(id: string) {
  const prisma = await getPrisma()
  const [row] = await prisma.$queryRaw<Array<{ expired: boolean }>>`SELECT "leaseUntil" < now() AS expired FROM outbox_message WHERE id = ${id}`
  return row!.expired
}

describe('claim fencing', () => {
  it('refuses the outcome of a stale claim by the same worker, single and batched', async () => {
    const prisma = await getPrisma()
    const { id: orgId } = await createOrg()
    orgIds.push(orgId)
    await enqueueMany(orgId, 2)
    const stale = await claimOwn(orgId, 300)
    expect(stale).toHaveLength(2)
    await waitUntil(() => leaseExpired(stale[0]!.id))
    const fresh = await claimOwn(orgId, 60_000)
    expect(fresh.map((message) => message.id).sort()).toEqual(stale.map((message) => message.id).sort())
    expect(fresh[0]!.claimToken).not.toBe(stale[0]!.claimToken)
    expect(fresh[0]!.claimToken.startsWith('same-worker:')).toBe(true)

    const [first, second] = stale
    expect(await recordOutcome(prisma, { id: first!.id, claimToken: first!.claimToken, outcome: { status: 'sent', provider: 'stale lane' } })).toBe(0)
    expect(await recordOutcomes(prisma, [{ id: second!.id, claimToken: second!.claimToken, outcome: { status: 'sent', provider: 'stale lane' } }])).toBe(0)
    await releaseMessages(prisma, stale)
    expect((await outboxOf(orgId)).map((row) => [row.status, row.provider, row.attempts])).toEqual([
      ['sending', null, 2],
      ['sending', null, 2],
    ])

    // the current claim's outcomes are written
    const written = await recordOutcomes(
      prisma,
      fresh.map((message) => ({ id: message.id, claimToken: message.claimToken, outcome: { status: 'sent' as const, provider: 'current lane' } })),
    )
    expect(written).toBe(2)
    expect((await outboxOf(orgId)).map((row) => [row.status, row.provider])).toEqual([
      ['sent', 'current lane'],
      ['sent', 'current lane'],
    ])
  })

  it('releases unsent messages as they were, minus the attempt', async () => {
    const prisma = await getPrisma()
    const { id: orgId } = await createOrg()
    orgIds.push(orgId)
    await enqueueMany(orgId, 3)
    const claimed = await claimOwn(orgId, 60_000)
    await releaseMessages(prisma, claimed)
    expect((await outboxOf(orgId)).map((row) => [row.status, row.attempts, row.lockedBy])).toEqual(Array(3).fill(['queued', 0, null]))
  })
})
