// Console admins' email verification (lib/auth/server/email-verification.ts): the emailed link, checked without being
// used, consumed once by the page's POST; the organization's default-provider quota lifts with a verified owner.
import { afterAll, describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import {
  ADMIN_VERIFY_TTL_MS,
  findCapturedVerification,
  isAdminVerifyLinkUsable,
  notifyExistingAdmin,
  queueAdminVerification,
  resendAdminVerification,
  verifyAdminEmail,
} from '@/lib/auth/server/email-verification'
import { DEFAULT_DAILY_LIMIT, hasDefaultQuota } from '@/lib/delivery/server/worker/default-quota'
import { PLATFORM_DEFAULT_LABEL } from '@/lib/delivery/server/worker/default-provider'
import { listRecentDeliveries } from '@/lib/delivery/server/outbox/deliveries'
import { EXPIRED_TOKEN, openCapturedMessage } from '@/lib/delivery/server/outbox/captured-view'
import { deliveryStats } from '@/lib/delivery/server/outbox/delivery-stats'
import { createAdmin, setMembership } from '../support/data-fixtures'
import { createOrg, outboxOf } from '../support/outbox-fixtures'

afterAll(closeDatabase)

const linkPrefix = () => `${env.APP_URL}/verify-email?token=`
const tokenIn = (text: string) =>
  text
    .split(/\s+/)
    .find((word) => word.startsWith(linkPrefix()))!
    .slice(linkPrefix().length)

async function ownerOfNewOrg() {
  const prisma = await getPrisma()
  const org = await createOrg()
  const owner = await createAdmin(prisma, 'owner')
  await setMembership(prisma, org.id, owner.id, 'owner')
  return { org, owner }
}

async function queuedLinks(orgId: string) {
  return (await outboxOf(orgId)).filter((row) => row.kind === 'admin_verify').map((row) => tokenIn(row.text))
}

describe('a console admin’s email verification', () => {
  it('is queued for the platform, checked without being used, and consumed once', async () => {
    const prisma = await getPrisma()
    const { org, owner } = await ownerOfNewOrg()
    await prisma.$transaction((tx) => queueAdminVerification(tx, owner, org.id))
    const [row] = (await outboxOf(org.id)).filter((message) => message.kind === 'admin_verify')
    expect(row).toMatchObject({ toAddress: owner.email, subject: 'Confirm your email address for Mailgate' })
    const [token] = await queuedLinks(org.id)
    // the admin's own account, not the organization's email: not in its Recent deliveries, API or figures
    expect(await listRecentDeliveries(org.id)).toEqual([])
    await prisma.outboxMessage.updateMany({ where: { orgId: org.id }, data: { status: 'captured' } })
    expect((await deliveryStats(org.id)).days.reduce((sum, day) => sum + day.delivered + day.failed, 0)).toBe(0)
    // only the hash is stored
    expect(JSON.stringify(await prisma.verification.findMany({ where: { value: owner.id } }))).not.toContain(token)

    expect(await isAdminVerifyLinkUsable(token!)).toBe(true)
    expect(await isAdminVerifyLinkUsable(token!)).toBe(true)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).emailVerified).toBe(false)

    const both = await Promise.all([verifyAdminEmail(token!), verifyAdminEmail(token!)])
    expect(both.filter(Boolean)).toHaveLength(1)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).emailVerified).toBe(true)
    expect(await isAdminVerifyLinkUsable(token!)).toBe(false)
    expect(await resendAdminVerification(owner.id, org.id)).toBe(false)
  })

  it('Resend email replaces the older link; an expired or unknown link verifies nothing', async () => {
    const prisma = await getPrisma()
    const { org, owner } = await ownerOfNewOrg()
    await prisma.$transaction((tx) => queueAdminVerification(tx, owner, org.id, new Date(Date.now() - ADMIN_VERIFY_TTL_MS - 1000)))
    expect(await resendAdminVerification(owner.id, org.id)).toBe(true)
    const [expired, fresh] = await queuedLinks(org.id)
    expect(await verifyAdminEmail(expired!)).toBe(false)
    expect(await verifyAdminEmail('A'.repeat(43))).toBe(false)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).emailVerified).toBe(false)

    await prisma.$transaction((tx) => queueAdminVerification(tx, owner, org.id))
    expect(await verifyAdminEmail(fresh!)).toBe(false)
    expect(await verifyAdminEmail((await queuedLinks(org.id))[2]!)).toBe(true)
  })

  it(`lifts the ${DEFAULT_DAILY_LIMIT}-a-day limit on the platform default once an owner is verified`, async () => {
    const prisma = await getPrisma()
    const { org, owner } = await ownerOfNewOrg()
    await prisma.outboxMessage.createMany({
      data: Array.from({ length: DEFAULT_DAILY_LIMIT }, (_, index) => ({
        orgId: org.id,
        kind: 'verify' as const,
        toAddress: `user-${index}@users.test`,
        subject: 'Verify',
        html: '<p>x</p>',
        text: 'x',
        messageId: `<quota-${org.id}-${index}@test>`,
        status: 'sent' as const,
        provider: PLATFORM_DEFAULT_LABEL,
        sentAt: new Date(),
      })),
    })
    expect(await hasDefaultQuota(org.id)).toBe(false)
    await prisma.$transaction((tx) => queueAdminVerification(tx, owner, org.id))
    expect(await verifyAdminEmail((await queuedLinks(org.id))[0]!)).toBe(true)
    expect(await hasDefaultQuota(org.id)).toBe(true)
  })

  it('captured (no default provider), its link works from the captured email until used, then shows redacted', async () => {
    const prisma = await getPrisma()
    const { org, owner } = await ownerOfNewOrg()
    await prisma.$transaction((tx) => queueAdminVerification(tx, owner, org.id))
    await prisma.outboxMessage.updateMany({ where: { orgId: org.id }, data: { status: 'captured' } })
    const id = await findCapturedVerification(org.id, owner.email)
    expect(id).not.toBeNull()
    const [token] = await queuedLinks(org.id)
    expect((await openCapturedMessage(org.id, owner, id!))!.text).toContain(`token=${token}`)
    expect(await verifyAdminEmail(token!)).toBe(true)
    const reopened = (await openCapturedMessage(org.id, owner, id!))!
    expect(reopened.text).not.toContain(token)
    expect(reopened.text).toContain(`token=${EXPIRED_TOKEN}`)
  })

  it('a sign-up with a registered address emails that address through its first organization, as a platform email', async () => {
    const { org, owner } = await ownerOfNewOrg()
    await notifyExistingAdmin(owner.email.toUpperCase())
    const [row] = await outboxOf(org.id)
    expect(row).toMatchObject({ kind: 'admin_signup_attempt', toAddress: owner.email, subject: 'Sign-up attempt with your email address at Mailgate' })
    expect(row!.text).toContain(`${env.APP_URL}/login`)
    await notifyExistingAdmin('nobody-at-all@example.test')
  })
})
