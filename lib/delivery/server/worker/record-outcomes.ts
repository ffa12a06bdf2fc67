import 'server-only'
import type { PrismaClient } from '@/lib/server/db/prisma'
import type { TDeliveryOutcome } from './outcome'

export type TOutcomeRecord = { id: string; claimToken: string; outcome: TDeliveryOutcome }

/**
 * Records outcomes, each only if its claim still holds the row (fenced by the claim token: a stale claimer, even a
 * lane of the same worker, cannot overwrite a newer claim). Delivered messages take one statement per (status,
 * provider); the others one each, as they differ. Returns how many rows were written.
 */
export async function recordOutcomes(prisma: PrismaClient, records: readonly TOutcomeRecord[]): Promise<number> {
  const delivered = new Map<string, { status: 'sent' | 'captured'; provider: string; ids: string[]; tokens: string[]; providerIds: string[] }>()
  const others: TOutcomeRecord[] = []
  for (const record of records) {
    const { outcome } = record
    if (outcome.status !== 'sent' && outcome.status !== 'captured') {
      others.push(record)
      continue
    }
    const key = `${outcome.status} ${outcome.provider}`
    const group = delivered.get(key) ?? { status: outcome.status, provider: outcome.provider, ids: [], tokens: [], providerIds: [] }
    group.ids.push(record.id)
    group.tokens.push(record.claimToken)
    // '' for none: NULLIF below (arrays of text with NULLs travel less uniformly through the drivers)
    group.providerIds.push(outcome.providerMessageId ?? '')
    delivered.set(key, group)
  }
  const counts = await Promise.all([
    ...[...delivered.values()].map(
      // a sent message's body (live links) is dropped, a captured one stays viewable
      ({ status, provider, ids, tokens, providerIds }) => prisma.$executeRaw`
        UPDATE outbox_message AS m
           SET status = ${status}::"OutboxStatus", provider = ${provider}, "lastError" = NULL, "sentAt" = now(),
               "providerMessageId" = NULLIF(r.provider_id, ''),
               html = CASE WHEN ${status} = 'sent' THEN '' ELSE m.html END, text = CASE WHEN ${status} = 'sent' THEN '' ELSE m.text END,
               "leaseUntil" = NULL, "lockedBy" = NULL
          FROM unnest(${ids}::text[], ${tokens}::text[], ${providerIds}::text[]) AS r(id, token, provider_id)
         WHERE m.id = r.id AND m."lockedBy" = r.token AND m.status = 'sending'`,
    ),
    ...others.map((record) => recordOutcome(prisma, record)),
  ])
  return counts.reduce((sum, count) => sum + count, 0)
}

/** Records how one claimed message went, if its claim still holds it; 1 when written, 0 when the claim was stale. */
export async function recordOutcome(prisma: PrismaClient, { id, claimToken, outcome }: TOutcomeRecord): Promise<number> {
  const isDone = outcome.status === 'sent' || outcome.status === 'captured'
  // bodies hold live verification/reset links: keep them only while they may still be sent (or viewed, if captured)
  const isBodyDisposable = outcome.status === 'sent' || outcome.status === 'failed'
  const { count } = await prisma.outboxMessage.updateMany({
    where: { id, lockedBy: claimToken, status: 'sending' },
    data: {
      status: outcome.status,
      provider: outcome.provider,
      lastError: 'error' in outcome ? outcome.error : null,
      providerMessageId: 'providerMessageId' in outcome ? outcome.providerMessageId : undefined,
      nextAttemptAt: 'nextAttemptAt' in outcome ? outcome.nextAttemptAt : undefined,
      sentAt: isDone ? new Date() : undefined,
      html: isBodyDisposable ? '' : undefined,
      text: isBodyDisposable ? '' : undefined,
      leaseUntil: null,
      lockedBy: null,
    },
  })
  return count
}
