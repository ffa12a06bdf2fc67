import 'server-only'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { getPrisma } from '@/lib/server/db'
import type { PrismaClient } from '@/lib/server/db/prisma'

// What a load balancer or Kubernetes asks: is this process serving (live), and should it get traffic (ready)?

type TProcessState = { isWorkerRunning: boolean; isDraining: boolean }

const holder = globalThis as typeof globalThis & { __processState?: TProcessState }
const state = (holder.__processState ??= { isWorkerRunning: false, isDraining: false })

/** Called by the runtime: the delivery worker runs (true) or was stopped (false). */
export function markWorkerRunning(isRunning: boolean) {
  state.isWorkerRunning = isRunning
}

/** Called by the runtime on SIGTERM/SIGINT: readiness turns 503 at once, so traffic moves elsewhere before the exit. */
export function markDraining() {
  state.isDraining = true
}

export type TReadiness = {
  isReady: boolean
  checks: { database: 'ok' | 'failing'; migrations: 'ok' | 'pending' | 'unknown'; worker: 'running' | 'stopped' | 'draining' }
}

const DATABASE_TIMEOUT_MS = 2_000

/** The parts readiness depends on; never a host, a secret or an error text. */
export async function readiness(prismaOf: () => Promise<PrismaClient> = getPrisma): Promise<TReadiness> {
  const [database, migrations] = await Promise.all([databaseCheck(prismaOf), migrationsCheck(prismaOf)])
  const worker = state.isDraining ? 'draining' : state.isWorkerRunning ? 'running' : 'stopped'
  const checks = { database, migrations, worker } as const
  return { isReady: database === 'ok' && migrations === 'ok' && worker === 'running', checks }
}

async function databaseCheck(prismaOf: () => Promise<PrismaClient>): Promise<'ok' | 'failing'> {
  try {
    const prisma = await prismaOf()
    await withTimeout(prisma.$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS)
    return 'ok'
  } catch {
    return 'failing'
  }
}

// Every migration folder shipped with this build is recorded as finished in the database.
async function migrationsCheck(prismaOf: () => Promise<PrismaClient>): Promise<'ok' | 'pending' | 'unknown'> {
  try {
    const shipped = readdirSync(join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length
    const prisma = await prismaOf()
    const [row] = await withTimeout(
      prisma.$queryRaw<
        Array<{ applied: number }>
      >`SELECT count(DISTINCT migration_name)::int AS applied FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      DATABASE_TIMEOUT_MS,
    )
    return (row?.applied ?? 0) >= shipped ? 'ok' : 'pending'
  } catch {
    return 'unknown'
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
