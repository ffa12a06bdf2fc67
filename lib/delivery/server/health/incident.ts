import 'server-only'
import { recordAudit } from '@/lib/audit/server/store'
import { AuditAction } from '@/lib/enums'
import { env } from '@/lib/env'
import type { PrismaClient } from '@/lib/server/db/prisma'
import { sendIncidentAlert } from '../alerts/alert'
import { claimIncidentAlert, unclaimIncidentAlert, type THold, type TOrgFailure } from './org-health'
import { getLogger } from '@/lib/server/logger'

// An incident: an organization's provider has been failing for OUTBOX_ALERT_AFTER_MS. It starts with one alert to the
// owners and admins and an audit row, and ends (another audit row) with the next delivery.

const SYSTEM_ACTOR = { id: null, email: 'delivery worker' }

/** After a failed round: starts an incident once the provider has been failing long enough and none is open. */
export async function noteOrgFailure(prismaOf: () => Promise<PrismaClient>, orgId: string, hold: THold, failure: TOrgFailure, now = Date.now()): Promise<void> {
  if (hold.alertedAt || now - hold.failingSince.getTime() < env.OUTBOX_ALERT_AFTER_MS) return
  try {
    const prisma = await prismaOf()
    if (!(await claimIncidentAlert(prisma, orgId))) return
    try {
      const waiting = await sendIncidentAlert(prisma, orgId, failure, hold.failingSince)
      await recordAudit(prisma, {
        orgId,
        actor: SYSTEM_ACTOR,
        action: AuditAction.delivery_failing,
        details: { cause: failure.message, since: hold.failingSince.toISOString(), waiting },
      })
    } catch (error) {
      await unclaimIncidentAlert(prisma, orgId)
      throw error
    }
  } catch (error) {
    getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] alerting about a failing provider failed')
  }
}

/** After the delivery that ended an incident: its closing audit row. */
export async function noteIncidentEnded(prisma: PrismaClient, orgId: string, failingSince: Date | null): Promise<void> {
  await recordAudit(prisma, { orgId, actor: SYSTEM_ACTOR, action: AuditAction.delivery_recovered, details: { since: failingSince?.toISOString() ?? null } })
}
