import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { getPrisma } from '@/lib/server/db'
import { purgeExpired } from '@/lib/delivery/server/outbox/retention'
import { createOrg, enqueueMany, outboxOf } from '../support/outbox-fixtures'

const DAY = 24 * 60 * 60 * 1000
const orgIds: string[] = []

afterEach(async () => {
  const prisma = await getPrisma()
  await prisma.organization.deleteMany({ where: { id: { in: orgIds.splice(0) } } })
})

describe('retention', () => {
  it('purges old sent, failed and captured rows and spent tokens, in batches, and keeps the rest', async () => {
    const prisma = await getPrisma()
    const { id: orgId } = await createOrg()
    orgIds.push(orgId)
    await enqueueMany(orgId, 12)
    const rows = await outboxOf(orgId)
    const ago = (days: number) => new Date(Date.now() - days * DAY)
    const set = (index: number, data: object) => prisma.outboxMessage.update({ where: { id: rows[index]!.id }, data })
    for (const index of [0, 1, 2, 3, 4]) await set(index, { status: 'sent', sentAt: ago(31) })
    await set(5, { status: 'failed', createdAt: ago(40) })
    await set(6, { status: 'sent', sentAt: ago(29) }) // kept: younger than 30 days
    await set(7, { status: 'captured', createdAt: ago(8) })
    await set(8, { status: 'captured', createdAt: ago(6) }) // kept
    await set(9, { status: 'held', createdAt: ago(2) }) // kept: still to be sent
    const user = await prisma.orgUser.create({ data: { orgId, email: `u-${randomUUID()}@users.test`, passwordHash: 'x' } })
    const token = (purpose: 'verify' | 'reset', expiresAt: Date, usedAt: Date | null = null) =>
      prisma.orgUserToken.create({ data: { orgUserId: user.id, purpose, tokenHash: randomUUID(), expiresAt, usedAt } })
    await token('verify', ago(31))
    await token('reset', ago(-1), ago(35))
    const live = await token('reset', ago(-1))
    // console admins' verification links: one expired long ago, one still live
    const link = (expiresAt: Date) =>
      prisma.verification.create({ data: { id: randomUUID(), identifier: `admin-email:${randomUUID()}`, value: user.id, expiresAt } })
    const oldLink = await link(ago(31))
    const liveLink = await link(ago(-1))

    const purged = await purgeExpired(prisma, 2)
    expect(purged).toEqual({ outbox: 6, captured: 1, tokens: 3 })
    expect(await prisma.verification.findUnique({ where: { id: oldLink.id } })).toBeNull()
    expect(await prisma.verification.findUnique({ where: { id: liveLink.id } })).not.toBeNull()
    await prisma.verification.delete({ where: { id: liveLink.id } })
    const left = await outboxOf(orgId)
    expect(left.map((row) => row.id).sort()).toEqual([6, 8, 9, 10, 11].map((index) => rows[index]!.id).sort())
    expect((await prisma.orgUserToken.findMany({ where: { orgUserId: user.id } })).map((row) => row.id)).toEqual([live.id])
  })
})
