import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { PrismaClient, TTransaction } from '@/lib/server/db/prisma'
import type { AuditAction } from '@/lib/enums'

/** Who acted: an admin, or (id null) the system itself, such as the delivery worker. */
/** Who did it: an admin (or an API key acting for one). */
export type TActor = { id: string; email: string }

/** Who an audit row names: an admin, or the system itself (no id), e.g. the delivery worker. */
export type TAuditActor = { id: string | null; email: string }

export type TAuditRecord = { orgId: string; actor: TAuditActor; action: AuditAction; details: Record<string, unknown> }

/**
 * Records an action in the organization's audit trail, inside the caller's transaction when it has one (so the
 * entry commits with the change it describes). `details` must never hold a secret.
 */
export async function recordAudit(db: TTransaction | PrismaClient, record: TAuditRecord): Promise<void> {
  const { orgId, actor, action, details } = record
  await db.auditEntry.create({ data: { orgId, actorId: actor.id, actorEmail: actor.email, action, details: details as object } })
}

/** The organization's latest audit entries (of `actions` only, when given), newest first. */
export async function listRecentAudit(orgId: string, limit = 10, actions?: readonly AuditAction[]) {
  const prisma = await getPrisma()
  return prisma.auditEntry.findMany({
    where: { orgId, ...(actions ? { action: { in: [...actions] } } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, action: true, actorEmail: true, details: true, createdAt: true },
  })
}
