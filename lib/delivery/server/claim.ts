import 'server-only'
import type { PrismaClient } from '@/lib/server/db/prisma'
import type { TDeliveryOutcome } from './outcome'

export type TClaimedMessage = {
  id: string
  orgId: string
  kind: string
  toAddress: string
  subject: string
  html: string
  text: string
  messageId: string
  attempts: number
  createdAt: Date
}

/**
 * Claims up to `limit` due messages for this worker: queued or retrying ones whose time has come, and ones whose
 * claimer's lease ran out (it died). SKIP LOCKED lets any number of instances claim side by side, each row once.
 */
export async function claimDueMessages(prisma: PrismaClient, workerId: string, limit: number, leaseMs: number): Promise<TClaimedMessage[]> {
  return prisma.$queryRaw<TClaimedMessage[]>`
    UPDATE outbox_message AS m
       SET status = 'sending', "lockedBy" = ${workerId}, "leaseUntil" = now() + (${leaseMs}::int * interval '1 millisecond'), attempts = m.attempts + 1
     WHERE m.id IN (
       SELECT id FROM outbox_message
        WHERE (status IN ('queued', 'retrying') AND "nextAttemptAt" <= now())
           OR (status = 'sending' AND "leaseUntil" < now())
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
     )
    RETURNING m.id, m."orgId", m.kind, m."toAddress", m.subject, m.html, m.text, m."messageId", m.attempts, m."createdAt"`
}

/**
 * Records a batch's outcomes: delivered messages with one UPDATE per (status, provider) rather than one per message
 * (per-message updates cost the worker more CPU than the SMTP sends themselves); the others one by one, as they differ.
 */
export async function recordOutcomes(prisma: PrismaClient, workerId: string, results: Array<{ id: string; outcome: TDeliveryOutcome }>): Promise<void> {
  const delivered = new Map<string, { status: 'sent' | 'captured'; provider: string; ids: string[] }>()
  const others: typeof results = []
  for (const result of results) {
    const { outcome } = result
    if (outcome.status !== 'sent' && outcome.status !== 'captured') {
      others.push(result)
      continue
    }
    const key = `${outcome.status} ${outcome.provider}`
    const group = delivered.get(key) ?? { status: outcome.status, provider: outcome.provider, ids: [] }
    group.ids.push(result.id)
    delivered.set(key, group)
  }
  const sentAt = new Date()
  await Promise.all([
    ...[...delivered.values()].map(({ status, provider, ids }) =>
      prisma.outboxMessage.updateMany({
        where: { id: { in: ids }, lockedBy: workerId, status: 'sending' },
        data: {
          status,
          provider,
          lastError: null,
          sentAt,
          // as in recordOutcome: a sent message's body (live links) is dropped, a captured one stays viewable
          html: status === 'sent' ? '' : undefined,
          text: status === 'sent' ? '' : undefined,
          leaseUntil: null,
          lockedBy: null,
        },
      }),
    ),
    ...others.map((result) => recordOutcome(prisma, workerId, result.id, result.outcome)),
  ])
}

/** Records how a claimed message went, if this worker still holds it. */
export async function recordOutcome(prisma: PrismaClient, workerId: string, id: string, outcome: TDeliveryOutcome): Promise<void> {
  const isDone = outcome.status === 'sent' || outcome.status === 'captured'
  // bodies hold live verification/reset links: keep them only while they may still be sent (or viewed, if captured)
  const isBodyDisposable = outcome.status === 'sent' || outcome.status === 'failed'
  await prisma.outboxMessage.updateMany({
    where: { id, lockedBy: workerId, status: 'sending' },
    data: {
      status: outcome.status,
      provider: outcome.provider,
      lastError: 'error' in outcome ? outcome.error : null,
      nextAttemptAt: outcome.status === 'retrying' ? outcome.nextAttemptAt : undefined,
      sentAt: isDone ? new Date() : undefined,
      html: isBodyDisposable ? '' : undefined,
      text: isBodyDisposable ? '' : undefined,
      leaseUntil: null,
      lockedBy: null,
    },
  })
}
