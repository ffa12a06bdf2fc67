import 'server-only'
import { randomUUID } from 'node:crypto'
import type { OutboxStatus } from '@/lib/enums'
import { env } from '@/lib/env'
import type { PrismaClient } from '@/lib/server/db/prisma'
import { PLATFORM_KINDS } from './platform-emails'

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
  /** this claim's own token (kept in `lockedBy`): every outcome write is fenced by it */
  claimToken: string
  /** the status before the claim, restored when the message is released unsent */
  previousStatus: OutboxStatus
  /** the organization's settings version when claimed: a newer one means the provider must be read again */
  providerVersion: number
  /** whether the organization's provider was failing when claimed (then only one message probes it) */
  isOrgFailing: boolean
}

export type TClaimRequest = {
  workerId: string
  /** most messages to claim in all */
  limit: number
  /** most messages of one organization this instance may hold at once */
  perOrgLimit: number
  /** messages this instance already holds, per organization */
  busy: ReadonlyMap<string, number>
  leaseMs: number
  /** rotation cursor: organizations after this id come first, so a flood cannot always be first in line */
  afterOrgId: string
}

/**
 * Claims due messages fairly: each organization with due messages gets at most its room (`perOrgLimit` minus what this
 * instance holds; one while its provider is failing, only the platform's own emails while it is held, unless the
 * opt-in fallback takes the messages old enough for the default provider), organizations in rotating order. Due
 * means queued, retrying or held whose time has come, or claimed by someone whose lease ran out. SKIP LOCKED lets any
 * number of instances claim side by side, each row once; each claim gets its own token.
 */
export async function claimDueMessages(prisma: PrismaClient, request: TClaimRequest): Promise<TClaimedMessage[]> {
  const { workerId, limit, perOrgLimit, busy, leaseMs, afterOrgId } = request
  const fallbackAfterMs = env.OUTBOX_FALLBACK_AFTER_MS
  const claimToken = `${workerId}:${randomUUID().slice(0, 8)}`
  const busyOrgs = [...busy.keys()]
  const busyCounts = busyOrgs.map((orgId) => busy.get(orgId) ?? 0)
  return prisma.$queryRaw<TClaimedMessage[]>`
    WITH due_orgs AS (
      SELECT DISTINCT "orgId" FROM outbox_message
       WHERE (status IN ('queued', 'retrying', 'held') AND "nextAttemptAt" <= now()) OR (status = 'sending' AND "leaseUntil" < now())
    ), rooms AS (
      SELECT d."orgId",
             (CASE WHEN h."failingSince" IS NULL OR s."useDefaultOnFailure" THEN ${perOrgLimit}::int ELSE 1 END) - COALESCE(b.n, 0) AS room,
             h."failingSince" IS NOT NULL AS failing,
             (h."heldUntil" IS NULL OR h."heldUntil" <= now()) AS open,
             COALESCE(s."useDefaultOnFailure", false) AS fallback
        FROM due_orgs d
        LEFT JOIN delivery_health h ON h."orgId" = d."orgId"
        LEFT JOIN email_provider_settings s ON s."orgId" = d."orgId"
        LEFT JOIN unnest(${busyOrgs}::text[], ${busyCounts}::int[]) AS b(org, n) ON b.org = d."orgId"
    ), picked AS (
      SELECT c.id, c.status AS previous, r.failing, (r."orgId" <= ${afterOrgId}) AS later, r."orgId", c."nextAttemptAt"
        FROM rooms r
        CROSS JOIN LATERAL (
          SELECT x.id, x.status, x."nextAttemptAt" FROM outbox_message x
           WHERE x."orgId" = r."orgId"
             -- a held organization: only the platform's own emails, and with the fallback on the messages old enough
             -- for the default provider
             AND (r.open OR x.kind::text = ANY(${PLATFORM_KINDS}::text[])
                  OR (r.fallback AND x."createdAt" <= now() - (${fallbackAfterMs}::int * interval '1 millisecond')))
             AND ((x.status IN ('queued', 'retrying', 'held') AND x."nextAttemptAt" <= now()) OR (x.status = 'sending' AND x."leaseUntil" < now()))
           ORDER BY x."nextAttemptAt"
           LIMIT r.room
           FOR UPDATE SKIP LOCKED
        ) c
       WHERE r.room > 0
       ORDER BY later, r."orgId", c."nextAttemptAt"
       LIMIT ${limit}
    )
    UPDATE outbox_message AS m
       SET status = 'sending', "lockedBy" = ${claimToken}, "leaseUntil" = now() + (${leaseMs}::int * interval '1 millisecond'), attempts = m.attempts + 1
      FROM picked p, organization o
     WHERE m.id = p.id AND o.id = m."orgId"
    RETURNING m.id, m."orgId", m.kind, m."toAddress", m.subject, m.html, m.text, m."messageId", m.attempts, m."createdAt",
              m."lockedBy" AS "claimToken", p.previous AS "previousStatus", o."emailProviderVersion" AS "providerVersion", p.failing AS "isOrgFailing"`
}

/** Gives claimed messages back unsent (shutdown, or their organization was just held): as they were, minus the attempt. */
export async function releaseMessages(prisma: PrismaClient, messages: readonly TClaimedMessage[]): Promise<void> {
  if (messages.length === 0) return
  const ids = messages.map((message) => message.id)
  const tokens = messages.map((message) => message.claimToken)
  // an expired lease taken over counts as a failed attempt of the claimer that died: it comes back as retrying
  const statuses = messages.map((message) => (message.previousStatus === 'sending' ? 'retrying' : message.previousStatus))
  await prisma.$executeRaw`
    UPDATE outbox_message AS m
       SET status = r.status::"OutboxStatus", attempts = m.attempts - 1, "lockedBy" = NULL, "leaseUntil" = NULL
      FROM unnest(${ids}::text[], ${tokens}::text[], ${statuses}::text[]) AS r(id, token, status)
     WHERE m.id = r.id AND m."lockedBy" = r.token AND m.status = 'sending'`
}
