// Databases for the data-layer tests: fresh, migrated throwaway ones of the run's kind (TEST_DB), beside the run's
// own database that getPrisma() opens (tests/support/db-setup.ts).
import pg from 'pg'
import type { TMigrationDriver } from '@/lib/server/db/migrate'
import { openDatabase, type TDatabase } from '@/lib/server/db/open'
import { createTestDatabase, dropTestDatabase } from './postgres'

export const isPostgresRun = process.env.TEST_DB === 'postgres'

export type TFreshDatabase = TDatabase & { url: string | null; dispose(): Promise<void> }

/** A new migrated database: its own PostgreSQL database, or an in-memory PGlite. dispose() closes (and drops) it. */
export async function openFreshDatabase(): Promise<TFreshDatabase> {
  if (!isPostgresRun) {
    const database = await openDatabase({ pgliteDir: 'memory://' })
    return { ...database, url: null, dispose: () => database.close() }
  }
  const created = await createTestDatabase('console_data')
  try {
    const database = await openDatabase({ url: created.url })
    const dispose = async () => {
      await database.close()
      await dropTestDatabase(created.name)
    }
    return { ...database, url: created.url, dispose }
  } catch (error) {
    await dropTestDatabase(created.name)
    throw error
  }
}

export type TEmptyDatabase = { driver: TMigrationDriver; url: string | null; close(): Promise<void> }

/** A new database with no tables at all, reached through the same driver calls lib/server/db/open.ts gives applyMigrations. */
export async function openEmptyDatabase(): Promise<TEmptyDatabase> {
  if (!isPostgresRun) {
    const { PGlite } = await import('@electric-sql/pglite')
    const pglite = await PGlite.create('memory://')
    const driver: TMigrationDriver = {
      exec: (sql) => pglite.exec(sql),
      query: async (sql, params) => (await pglite.query(sql, params)).rows as Record<string, unknown>[],
    }
    return { driver, url: null, close: () => pglite.close() }
  }
  const created = await createTestDatabase('console_empty')
  const client = new pg.Client({ connectionString: created.url })
  await client.connect()
  const driver: TMigrationDriver = {
    exec: (sql) => client.query(sql),
    query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
  }
  const close = async () => {
    await client.end()
    await dropTestDatabase(created.name)
  }
  return { driver, url: created.url, close }
}
