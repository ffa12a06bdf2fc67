import 'server-only'
import { getPrisma } from '@/lib/server/db'
import { getMetrics } from '@/lib/server/metrics'
import { OutboxStatus } from '@/lib/enums'

/** Sets the outbox gauges from the database (every organization together): messages per status and the oldest due. */
export async function collectOutboxGauges(): Promise<void> {
  const prisma = await getPrisma()
  const { outboxMessages, outboxOldestDueSeconds } = getMetrics()
  const [counts, [oldest]] = await Promise.all([
    prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
    prisma.$queryRaw<Array<{ seconds: number | null }>>`
      SELECT extract(epoch FROM (now() - min("nextAttemptAt")))::float8 AS seconds
        FROM outbox_message WHERE status IN ('queued', 'retrying', 'held') AND "nextAttemptAt" <= now()`,
  ])
  for (const status of Object.values(OutboxStatus)) outboxMessages.set({ status }, counts.find((row) => row.status === status)?._count._all ?? 0)
  outboxOldestDueSeconds.set(Math.max(0, oldest?.seconds ?? 0))
}
