import 'server-only'
import { getPrisma } from '@/lib/server/db'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { AuditAction } from '@/lib/enums'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'

export type TRetryNowCode = 'not-waiting'
export type TRetryNowResult = TDomainResult<{ status: 'retrying' | 'held' }, TRetryNowCode>

/**
 * Retry now: the organization's message `id`, if it still waits (retrying or held), is due at once, with an audit row.
 * A held message also lifts its organization's hold, so the worker may try the provider again (one more failure holds
 * it again, for longer). `not-waiting`: no such message in this organization, or it was sent, failed or claimed since.
 */
export async function retryDeliveryNow(orgId: string, actor: TActor, id: string): Promise<TRetryNowResult> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const message = await tx.outboxMessage.findFirst({ where: { id, orgId, status: { in: ['retrying', 'held'] } }, select: { status: true, toAddress: true } })
    if (!message || (message.status !== 'retrying' && message.status !== 'held')) return failure('not-waiting')
    const now = new Date()
    // the status condition again: a worker may have claimed the message since it was read
    const { count } = await tx.outboxMessage.updateMany({ where: { id, orgId, status: message.status }, data: { nextAttemptAt: now } })
    if (count === 0) return failure('not-waiting')
    if (message.status === 'held') await tx.deliveryHealth.updateMany({ where: { orgId, heldUntil: { gt: now } }, data: { heldUntil: now } })
    await recordAudit(tx, {
      orgId,
      actor,
      action: AuditAction.delivery_retry_now,
      details: { recipient: message.toAddress, status: message.status },
    })
    return { ok: true as const, status: message.status }
  })
}
