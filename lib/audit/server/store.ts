import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { PrismaClient, TTransaction } from '@/lib/server/db/prisma'
import type { AuditAction } from '@/lib/enums'

/** Who acted: an admin, or (id null) the system itself, such as the delivery worker. */
export type TActor = { id: string | null; email: string }

export type TAuditRecord = { orgId: string; actor: TActor; action: AuditAction; details: Record<string, unknown> }

/**
 * Records an action in the organization's audit trail, inside the caller's transaction when it has one (so the
 * entry commits with the change it describes). `details` must never hold a secret.
 */
export async function recordAudit(db: TTransaction | PrismaClient, record: TAuditRecord): Promise<void> {
  const { orgId, actor, action, details } = record
  await db.auditEntry.create({ data: { orgId, actorId: actor.id, actorEmail: actor.email, action, details: details as object } })
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
