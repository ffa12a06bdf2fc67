import 'server-only'
import type { PrismaClient } from '@/lib/server/db/prisma'
import { recordOutcomes, type TOutcomeRecord } from './record-outcomes'
import { getLogger } from '@/lib/server/logger'

// Outcomes are recorded as each message finishes: those that finish within LINGER_MS of each other share statements
// (a busy worker writes dozens per statement), but none waits for the rest of its claim.
const LINGER_MS = 15
const MAX_BATCH = 200

export type TOutcomeWriter = { add(record: TOutcomeRecord): void; drain(): Promise<void> }

/** A writer that records outcomes within a few milliseconds of their arrival. */
export function createOutcomeWriter(prismaOf: () => Promise<PrismaClient>): TOutcomeWriter {
  let pending: TOutcomeRecord[] = []
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const batch = pending
    pending = []
    if (batch.length === 0) return writing
    writing = writing.then(async () => {
      try {
        await recordOutcomes(await prismaOf(), batch)
      } catch (error) {
        // the rows stay claimed; once their lease runs out they are sent again (at-least-once)
        getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[outbox] recording outcomes failed')
      }
    })
    return writing
  }

  return {
    add(record) {
      pending.push(record)
      if (pending.length >= MAX_BATCH) void flush()
      else timer ??= setTimeout(flush, LINGER_MS)
    },
    async drain() {
      while (pending.length > 0 || timer) await flush()
      await writing
    },
  }
}
