import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { TDeliveryBucket, TDeliveryStats } from '@/lib/delivery/types'
import { ADMIN_ACCOUNT_KINDS } from './platform-emails'

type TBucketRow = { bucket: Date; delivered: number; retried: number; failed: number }

const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000
// test emails and the admins' own account emails are not the organization's deliveries
const COUNTED_OUT: string[] = ['test', ...ADMIN_ACCOUNT_KINDS]

/**
 * The organization's deliveries over the last 7 days by day and the last 24 hours by hour (UTC): delivered (sent or
 * captured), retried (needed more than one attempt) and failed, with the delivery rate and median time to delivery.
 */
export async function deliveryStats(orgId: string, now = new Date()): Promise<TDeliveryStats> {
  const prisma = await getPrisma()
  const weekStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - 6 * DAY_MS)
  const dayStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS)
  const bucketed = (unit: 'day' | 'hour', since: Date) => prisma.$queryRaw<TBucketRow[]>`
    SELECT date_trunc(${unit}, "createdAt") AS bucket,
           count(*) FILTER (WHERE status IN ('sent', 'captured'))::int AS delivered,
           count(*) FILTER (WHERE attempts > 1)::int AS retried,
           count(*) FILTER (WHERE status = 'failed')::int AS failed
      FROM outbox_message WHERE "orgId" = ${orgId} AND "createdAt" >= ${since} AND kind::text <> ALL(${COUNTED_OUT})
     GROUP BY 1`
  const [days, hours, [summary]] = await Promise.all([
    bucketed('day', weekStart),
    bucketed('hour', dayStart),
    prisma.$queryRaw<Array<{ finished: number; delivered: number; medianMs: number | null }>>`
      SELECT count(*) FILTER (WHERE status IN ('sent', 'captured', 'failed'))::int AS finished,
             count(*) FILTER (WHERE status IN ('sent', 'captured'))::int AS delivered,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ("sentAt" - "createdAt")) * 1000)
               FILTER (WHERE "sentAt" IS NOT NULL))::float8 AS "medianMs"
        FROM outbox_message WHERE "orgId" = ${orgId} AND "createdAt" >= ${weekStart} AND kind::text <> ALL(${COUNTED_OUT})`,
  ])
  return {
    days: fill(days, weekStart, DAY_MS, 7),
    hours: fill(hours, dayStart, HOUR_MS, 24),
    deliveryRate: summary && summary.finished > 0 ? summary.delivered / summary.finished : null,
    medianMs: summary?.medianMs ?? null,
  }
}

// Every bucket of the window, empty ones included, oldest first.
function fill(rows: TBucketRow[], start: Date, stepMs: number, count: number): TDeliveryBucket[] {
  const byStart = new Map(rows.map((row) => [new Date(row.bucket).getTime(), row]))
  return Array.from({ length: count }, (_, index) => {
    const at = new Date(start.getTime() + index * stepMs)
    const row = byStart.get(at.getTime())
    return { start: at, delivered: row?.delivered ?? 0, retried: row?.retried ?? 0, failed: row?.failed ?? 0 }
  })
}
