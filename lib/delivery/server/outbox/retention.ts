import 'server-only'
import { env } from '@/lib/env'
import type { PrismaClient } from '@/lib/server/db/prisma'

// What the worker deletes once it is old: sent and failed outbox rows, used or expired user tokens and admins'
// verification links (after OUTBOX_RETENTION_DAYS), and captured emails (after a week: they hold live links). Small
// batches, so no statement holds many locks or, on PGlite, the event loop for long.

const CAPTURED_RETENTION_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

export type TPurged = { outbox: number; captured: number; tokens: number }

/** Deletes one batch of each kind of expired row; returns how many went (call again while any kind filled its batch). */
export async function purgeExpiredBatch(prisma: PrismaClient, batchSize = 500, now = Date.now()): Promise<TPurged> {
  const cutoff = new Date(now - env.OUTBOX_RETENTION_DAYS * DAY_MS)
  const capturedCutoff = new Date(now - Math.min(CAPTURED_RETENTION_DAYS, env.OUTBOX_RETENTION_DAYS) * DAY_MS)
  const [outbox, captured, userTokens, adminLinks] = await Promise.all([
    prisma.$executeRaw`
      DELETE FROM outbox_message WHERE id IN (
        SELECT id FROM outbox_message WHERE status IN ('sent', 'failed') AND COALESCE("sentAt", "createdAt") < ${cutoff} LIMIT ${batchSize})`,
    prisma.$executeRaw`
      DELETE FROM outbox_message WHERE id IN (SELECT id FROM outbox_message WHERE status = 'captured' AND "createdAt" < ${capturedCutoff} LIMIT ${batchSize})`,
    prisma.$executeRaw`
      DELETE FROM org_user_token WHERE id IN (
        SELECT id FROM org_user_token WHERE "usedAt" < ${cutoff} OR "expiresAt" < ${cutoff} LIMIT ${batchSize})`,
    // console admins' verification links (a used one is deleted at once)
    prisma.$executeRaw`
      DELETE FROM verification WHERE id IN (SELECT id FROM verification WHERE "expiresAt" < ${cutoff} LIMIT ${batchSize})`,
  ])
  return { outbox, captured, tokens: userTokens + adminLinks }
}

/** Deletes every expired row, batch after batch. */
export async function purgeExpired(prisma: PrismaClient, batchSize = 500): Promise<TPurged> {
  const total: TPurged = { outbox: 0, captured: 0, tokens: 0 }
  for (;;) {
    const batch = await purgeExpiredBatch(prisma, batchSize)
    total.outbox += batch.outbox
    total.captured += batch.captured
    total.tokens += batch.tokens
    if (Math.max(batch.outbox, batch.captured, batch.tokens) < batchSize) return total
  }
}
