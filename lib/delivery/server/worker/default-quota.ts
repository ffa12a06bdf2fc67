import 'server-only'
import { getPrisma } from '@/lib/server/db'
import { DEFAULT_DAILY_LIMIT } from '@/lib/delivery/limits'
import { PLATFORM_DEFAULT_LABEL } from './default-provider'

// The platform's sender must not be a free phishing relay: an organization without a verified owner gets at most
// DEFAULT_DAILY_LIMIT emails a day through the platform default (its own provider is not limited). Kept apart from
// the worker: sending-provider.ts calls assertDefaultQuota where it picks the default provider.

export { DEFAULT_DAILY_LIMIT }
const DAY_MS = 24 * 60 * 60 * 1000

/** Thrown when the organization used up its day on the platform default; the worker retries the message later. */
export class DefaultQuotaError extends Error {
  constructor() {
    super(`The platform default sends at most ${DEFAULT_DAILY_LIMIT} emails a day for an organization until its owner verifies their email address`)
    this.name = 'DefaultQuotaError'
  }
}

/** Whether the organization may send one more email through the platform default right now. */
export async function hasDefaultQuota(orgId: string, now = new Date()): Promise<boolean> {
  const prisma = await getPrisma()
  const verifiedOwner = await prisma.membership.findFirst({ where: { orgId, role: 'owner', user: { emailVerified: true } }, select: { userId: true } })
  if (verifiedOwner) return true
  const sent = await prisma.outboxMessage.count({
    where: { orgId, provider: PLATFORM_DEFAULT_LABEL, status: 'sent', sentAt: { gte: new Date(now.getTime() - DAY_MS) } },
  })
  return sent < DEFAULT_DAILY_LIMIT
}

/** Throws DefaultQuotaError when the organization has no email left today on the platform default. */
export async function assertDefaultQuota(orgId: string): Promise<void> {
  if (!(await hasDefaultQuota(orgId))) throw new DefaultQuotaError()
}
