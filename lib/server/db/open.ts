// Opens the one data model on either database: embedded PGlite (no URL) or PostgreSQL (URL),
// applying pending migrations first.
import { join } from 'node:path'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { ensureOwnerOnlyDir } from '@/lib/server/fs/owner-only'
import { applyMigrations, PRISMA_MIGRATE_LOCK } from './migrate'

export type TDatabase = {
  prisma: PrismaClient
  kind: 'postgres' | 'pglite'
  applied: string[]
  close(): Promise<void>
}

export type TOpenOptions = {
  /** postgresql://… ; when absent, PGlite in `pgliteDir` */
  url?: string
  /** a folder, or 'memory://' for a throwaway database */
  pgliteDir?: string
  migrationsDir?: string
}

const defaultMigrationsDir = () => join(process.cwd(), 'prisma', 'migrations')

/** Opens and migrates the database described by `options`. */
export async function openDatabase(options: TOpenOptions): Promise<TDatabase> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir()
  return options.url ? openPostgres(options.url, migrationsDir) : openPglite(options.pgliteDir ?? 'memory://', migrationsDir)
}

async function openPostgres(url: string, migrationsDir: string): Promise<TDatabase> {
  const { default: pg } = await import('pg')
  const { PrismaPg } = await import('@prisma/adapter-pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let applied: string[]
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`) // one instance migrates, the others wait
    applied = await applyMigrations(
      { exec: (sql) => client.query(sql), query: async (sql, params) => (await client.query(sql, params as unknown[])).rows },
      migrationsDir,
    )
  } finally {
    await client.end() // ending the session releases the advisory lock
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) })
  return { prisma, kind: 'postgres', applied, close: () => prisma.$disconnect() }
}

async function openPglite(dir: string, migrationsDir: string): Promise<TDatabase> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { PrismaPGlite } = await import('pglite-prisma-adapter')
  // Owner-only: the files hold password hashes, token hashes and sealed secrets. PGlite creates its files 0666 whatever
  // the umask, but its directories 0700: the folder (0700 from here on) keeps other users out, and the files are
  // tightened once it is open and again when it closes.
  const isFolder = !dir.includes('://')
  if (isFolder) ensureOwnerOnlyDir(dir)
  const pglite = await PGlite.create(dir)
  let applied: string[]
  try {
    applied = await applyMigrations(
      { exec: (sql) => pglite.exec(sql), query: async (sql, params) => (await pglite.query(sql, params)).rows as Record<string, unknown>[] },
      migrationsDir,
    )
  } catch (error) {
    await pglite.close() // an unclosed PGlite folder needs WAL recovery at the next start
    throw error
  }
  if (isFolder) ensureOwnerOnlyDir(dir)
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
  // $disconnect() does not close PGlite, and an unclean exit means WAL recovery on the next start.
  const close = async () => {
    await prisma.$disconnect()
    if (!pglite.closed) await pglite.close()
    if (isFolder) ensureOwnerOnlyDir(dir)
  }
  return { prisma, kind: 'pglite', applied, close }
}
