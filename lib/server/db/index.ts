import 'server-only'
import { join } from 'node:path'
import { env } from '@/lib/env'
import { ensureOwnerOnlyDir } from '@/lib/server/fs/owner-only'
import { openDatabase, type TDatabase } from './open'
import { getLogger } from '@/lib/server/logger'

// One database per process, shared by every module (and surviving Next's module re-evaluation).
const holder = globalThis as typeof globalThis & { __database?: Promise<TDatabase> }

/** The process-wide database, opened and migrated on first use. */
export function getDatabase(): Promise<TDatabase> {
  if (env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('The database was opened during `next build`: make the page dynamic (read headers() first)')
  }
  // the embedded default keeps its files in DATA_DIR, beside the generated key: all of it owner-only
  if (!holder.__database && !env.DATABASE_URL && !env.PGLITE_DIR) ensureOwnerOnlyDir(env.DATA_DIR)
  holder.__database ??= openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR ?? join(env.DATA_DIR, 'pglite') }).then((database) => {
    if (database.applied.length > 0) getLogger().info(`[db] applied migrations: ${database.applied.join(', ')}`)
    return database
  })
  return holder.__database
}

/** The Prisma client of the process-wide database. */
export async function getPrisma() {
  return (await getDatabase()).prisma
}

/** Closes the process-wide database if it was opened. */
export async function closeDatabase() {
  const pending = holder.__database
  holder.__database = undefined
  if (pending) await (await pending).close()
}
