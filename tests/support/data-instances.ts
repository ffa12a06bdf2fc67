// A second app instance inside the test process: its own PrismaClient on the same database and its own rate limiters.
// lib/server/db and lib/server/rate-limit keep their process-wide state on globalThis; while `runAs` runs, that state is the
// other instance's, so the real lib code runs exactly as it would in another process.
import { openDatabase, type TDatabase } from '@/lib/server/db/open'

type THolder = { __database?: Promise<TDatabase>; __rateLimiters?: Map<string, unknown> }
const holder = globalThis as typeof globalThis & THolder

export type TAppInstance = { database: TDatabase; rateLimiters: Map<string, unknown> }

/** Opens another instance on the PostgreSQL database at `url` (PGlite allows one process: there is no second instance). */
export async function openAppInstance(url: string): Promise<TAppInstance> {
  return { database: await openDatabase({ url }), rateLimiters: new Map() }
}

/** Runs `work` with `instance`'s database and rate limiters as the process-wide ones; call it from sequential code only. */
export async function runAs<T>(instance: TAppInstance, work: () => Promise<T>): Promise<T> {
  const saved = { database: holder.__database, rateLimiters: holder.__rateLimiters }
  holder.__database = Promise.resolve(instance.database)
  holder.__rateLimiters = instance.rateLimiters
  try {
    return await work()
  } finally {
    holder.__database = saved.database
    holder.__rateLimiters = saved.rateLimiters
  }
}
