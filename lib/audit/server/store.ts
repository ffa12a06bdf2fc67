import 'server-only'
import { getPrisma } from '@/lib/server/db'

export type TAuditAction = 'email_provider.update' | 'email_provider.revert' | 'email_provider.test'

/** Records an action in the organization's audit trail; `details` must never hold a secret. */
export async function recordAudit(orgId: string, actor: { id: string; email: string }, action: TAuditAction, details: Record<string, unknown>) {
  const prisma = await getPrisma()
  await prisma.auditEntry.create({ data: { orgId, actorId: actor.id, actorEmail: actor.email, action, details: details as object } })
}

/** The organization's latest audit entries, newest first. */
export async function listRecentAudit(orgId: string, limit = 10) {
  const prisma = await getPrisma()
  return prisma.auditEntry.findMany({
    where: { orgId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, action: true, actorEmail: true, details: true, createdAt: true },
  })
}
