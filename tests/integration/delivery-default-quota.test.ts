// The platform default's daily limit for organizations without a verified owner (lib/delivery/server/worker/default-quota.ts).
import { afterAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { assertDefaultQuota, DEFAULT_DAILY_LIMIT, DefaultQuotaError, hasDefaultQuota } from '@/lib/delivery/server/worker/default-quota'
import { PLATFORM_DEFAULT_LABEL } from '@/lib/delivery/server/worker/default-provider'
import { createAdmin, setMembership } from '../support/data-fixtures'
import { createOrg, enqueueMany } from '../support/outbox-fixtures'

afterAll(closeDatabase)

/** Marks the organization's queued emails sent through `provider`, `hoursAgo` hours ago. */
async function markSent(orgId: string, provider: string, hoursAgo = 1) {
  await (
    await getPrisma()
  ).outboxMessage.updateMany({
    where: { orgId, status: 'queued' },
    data: { status: 'sent', provider, sentAt: new Date(Date.now() - hoursAgo * 3_600_000) },
  })
}

async function withOwner(orgId: string, isVerified: boolean) {
  const prisma = await getPrisma()
  const owner = await createAdmin(prisma, 'owner')
  await setMembership(prisma, orgId, owner.id, 'owner')
  await prisma.user.update({ where: { id: owner.id }, data: { emailVerified: isVerified } })
}

describe('the platform default for an organization without a verified owner', () => {
  it(`allows ${DEFAULT_DAILY_LIMIT} emails a day, then refuses until a day has passed`, async () => {
    const org = await createOrg()
    await withOwner(org.id, false)
    await enqueueMany(org.id, DEFAULT_DAILY_LIMIT - 1)
    await markSent(org.id, PLATFORM_DEFAULT_LABEL)
    expect(await hasDefaultQuota(org.id)).toBe(true)
    await enqueueMany(org.id, 1, 'last')
    await markSent(org.id, PLATFORM_DEFAULT_LABEL)
    expect(await hasDefaultQuota(org.id)).toBe(false)
    await expect(assertDefaultQuota(org.id)).rejects.toBeInstanceOf(DefaultQuotaError)
    expect(await hasDefaultQuota(org.id, new Date(Date.now() + 24 * 3_600_000))).toBe(true)
  })

  it('does not count emails sent through its own provider', async () => {
    const org = await createOrg()
    await enqueueMany(org.id, DEFAULT_DAILY_LIMIT + 5)
    await markSent(org.id, 'custom (smtp.example.com:587)')
    expect(await hasDefaultQuota(org.id)).toBe(true)
  })

  it('lifts the limit once an owner has verified their email', async () => {
    const org = await createOrg()
    await enqueueMany(org.id, DEFAULT_DAILY_LIMIT + 5)
    await markSent(org.id, PLATFORM_DEFAULT_LABEL)
    expect(await hasDefaultQuota(org.id)).toBe(false)
    await withOwner(org.id, true)
    expect(await hasDefaultQuota(org.id)).toBe(true)
  })
})
