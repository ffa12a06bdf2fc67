import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { OutboxStatus } from '@/lib/enums'
import { failure } from '@/lib/forms/domain-result'
import type { TDeliveryHealthView } from '@/lib/delivery/types'
import { ADMIN_ACCOUNT_KINDS } from './platform-emails'

// A delivery as the console and the API show it: never the message's body.
const DELIVERY_SELECT = {
  id: true,
  kind: true,
  toAddress: true,
  status: true,
  attempts: true,
  provider: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
} as const

/** The organization's latest outbox messages (no bodies), newest first, for "Recent deliveries". */
export async function listRecentDeliveries(orgId: string, limit = 20) {
  const prisma = await getPrisma()
  return prisma.outboxMessage.findMany({
    where: { orgId, kind: { notIn: [...ADMIN_ACCOUNT_KINDS] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { ...DELIVERY_SELECT, nextAttemptAt: true },
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

type TDeliveryCursor = { createdAt: Date; id: string }

// A cursor names the last delivery of a page (its time and id, the sort key): opaque to callers, stable under inserts.
function encodeCursor({ createdAt, id }: TDeliveryCursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url')
}

function decodeCursor(cursor: string): TDeliveryCursor | null {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]
    const createdAt = new Date(String(time))
    return typeof time === 'string' && typeof id === 'string' && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null
  } catch {
    return null
  }
}

export type TDeliveriesPageQuery = { status?: OutboxStatus; limit: number; cursor?: string }

/** One page of the organization's deliveries, newest first, after `cursor`; `nextCursor` is null on the last page. */
export async function listDeliveriesPage(orgId: string, query: TDeliveriesPageQuery) {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor)
  if (query.cursor !== undefined && !after) return failure('invalid-cursor', 'cursor')
  const prisma = await getPrisma()
  const rows = await prisma.outboxMessage.findMany({
    where: {
      orgId,
      kind: { notIn: [...ADMIN_ACCOUNT_KINDS] },
      ...(query.status ? { status: query.status } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: DELIVERY_SELECT,
  })
  const deliveries = rows.slice(0, query.limit)
  const last = deliveries.at(-1)
  return { ok: true as const, deliveries, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null }
}

/** How the organization's provider is doing (the health line), or null when nothing was sent yet. */
export async function getDeliveryHealth(orgId: string): Promise<TDeliveryHealthView | null> {
  const prisma = await getPrisma()
  return prisma.deliveryHealth.findUnique({
    where: { orgId },
    select: { lastDeliveredAt: true, failingSince: true, failureCause: true, failureHint: true, targetChangedAt: true },
  })
}
