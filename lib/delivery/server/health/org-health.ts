import 'server-only'
import { env } from '@/lib/env'
import type { PrismaClient, TTransaction } from '@/lib/server/db/prisma'
import { retryDelayMs } from '../worker/retry-policy'

export type TOrgFailure = { message: string; hint: string }

export type THold = { heldUntil: Date; failingSince: Date; alertedAt: Date | null }

/**
 * Holds an organization after an org-level failure: its messages wait until `heldUntil`, which doubles with each
 * failed round (the retry policy) and resets on success or new settings. Failures while a hold is already in force
 * (messages that were in flight together) join that hold instead of extending it.
 */
export async function holdOrganization(prisma: PrismaClient, orgId: string, failure: TOrgFailure, now = new Date()): Promise<THold> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO delivery_health ("orgId") VALUES (${orgId}) ON CONFLICT DO NOTHING`
    const [current] = await tx.$queryRaw<Array<{ heldUntil: Date | null; failedRounds: number; failingSince: Date | null; alertedAt: Date | null }>>`
      SELECT "heldUntil", "failedRounds", "failingSince", "alertedAt" FROM delivery_health WHERE "orgId" = ${orgId} FOR UPDATE`
    if (current!.heldUntil && current!.heldUntil > now && current!.failingSince) {
      return { heldUntil: current!.heldUntil, failingSince: current!.failingSince, alertedAt: current!.alertedAt }
    }
    const failedRounds = current!.failedRounds + 1
    const heldUntil = new Date(now.getTime() + retryDelayMs(failedRounds, env.OUTBOX_RETRY_BASE_MS))
    const failingSince = current!.failingSince ?? now
    await tx.deliveryHealth.update({
      where: { orgId },
      data: { failedRounds, heldUntil, failingSince, failureCause: failure.message, failureHint: failure.hint },
    })
    return { heldUntil, failingSince, alertedAt: current!.alertedAt }
  })
}

/**
 * Notes a delivery: the organization's provider works. Ends a failure (and, when an alert went out, the incident:
 * returned true so the caller can record it).
 */
export async function markOrgDelivered(prisma: PrismaClient, orgId: string, now = new Date()): Promise<{ endedIncident: boolean; failingSince: Date | null }> {
  return prisma.$transaction(async (tx) => {
    const [previous] = await tx.$queryRaw<Array<{ failingSince: Date | null; alertedAt: Date | null }>>`
      SELECT "failingSince", "alertedAt" FROM delivery_health WHERE "orgId" = ${orgId} FOR UPDATE`
    const recovered = { failingSince: null, failureCause: null, failureHint: null, failedRounds: 0, heldUntil: null, alertedAt: null }
    await tx.deliveryHealth.upsert({ where: { orgId }, create: { orgId, lastDeliveredAt: now }, update: { lastDeliveredAt: now, ...recovered } })
    return { endedIncident: Boolean(previous?.alertedAt), failingSince: previous?.failingSince ?? null }
  })
}

/** Releases an organization's hold and makes its held messages due now (new settings were saved: try them at once). */
export async function releaseHold(prisma: PrismaClient, orgId: string): Promise<number> {
  // failingSince stays: one message probes the new settings first, the rest follow once it went through
  await prisma.deliveryHealth.updateMany({ where: { orgId }, data: { heldUntil: null, failedRounds: 0 } })
  return prisma.outboxMessage.updateMany({ where: { orgId, status: 'held' }, data: { nextAttemptAt: new Date() } }).then(({ count }) => count)
}

/** Claims the right to alert about the current incident: true once per incident (the next only after a success). */
export async function claimIncidentAlert(prisma: PrismaClient, orgId: string, now = new Date()): Promise<boolean> {
  const { count } = await prisma.deliveryHealth.updateMany({ where: { orgId, alertedAt: null, failingSince: { not: null } }, data: { alertedAt: now } })
  return count === 1
}

/** Gives the alert claim back (the alert could not be sent): the next failed round tries again. */
export async function unclaimIncidentAlert(prisma: PrismaClient, orgId: string): Promise<void> {
  await prisma.deliveryHealth.updateMany({ where: { orgId }, data: { alertedAt: null } })
}

/**
 * Mail goes elsewhere from now on (a new target, Revert): the health shown starts again from `now`, and the old
 * server's failure ends with it (a new server that fails starts its own). Inside the change's transaction.
 */
export async function restartOrgHealth(tx: TTransaction, orgId: string, now = new Date()): Promise<void> {
  const restarted = { targetChangedAt: now, lastDeliveredAt: null, failingSince: null, failureCause: null, failureHint: null, alertedAt: null }
  await tx.deliveryHealth.upsert({ where: { orgId }, create: { orgId, ...restarted }, update: restarted })
}
