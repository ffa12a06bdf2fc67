import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { TDeliveryHealthView } from '@/lib/delivery/types'

/** The organization's latest outbox messages (no bodies), newest first, for "Recent deliveries". */
export async function listRecentDeliveries(orgId: string, limit = 20) {
  const prisma = await getPrisma()
  return prisma.outboxMessage.findMany({
    where: { orgId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, kind: true, toAddress: true, status: true, attempts: true, provider: true, lastError: true, createdAt: true, sentAt: true },
  })
}

/** One captured message of the organization (sent nowhere because no default provider is configured), or null. */
export async function findCapturedMessage(orgId: string, id: string) {
  const prisma = await getPrisma()
  return prisma.outboxMessage.findFirst({
    where: { id, orgId, status: 'captured' },
    select: { id: true, kind: true, toAddress: true, subject: true, html: true, text: true, messageId: true, createdAt: true },
  })
}

/** How the organization's provider is doing (the health line), or null when nothing was sent yet. */
export async function getDeliveryHealth(orgId: string): Promise<TDeliveryHealthView | null> {
  const prisma = await getPrisma()
  return prisma.deliveryHealth.findUnique({ where: { orgId }, select: { lastDeliveredAt: true, failingSince: true, failureCause: true, failureHint: true } })
}
