// Applies prisma/migrations at start-up, keeping Prisma's own _prisma_migrations bookkeeping
// (same table, sha256 checksums) so `prisma migrate status` agrees with it.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getLogger } from '@/lib/server/logger'

export type TMigrationDriver = {
  exec(sql: string): Promise<unknown>
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>
}

const MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

/** Advisory lock key used by `prisma migrate` itself: instances migrating at once wait on each other. */
export const PRISMA_MIGRATE_LOCK = 72707369

/** Applies every pending migration in `dir` in name order; returns the names applied. */
export async function applyMigrations(driver: TMigrationDriver, dir: string): Promise<string[]> {
  await driver.exec(MIGRATIONS_DDL)
  const rows = await driver.query(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
  const failed = rows.find((row) => !row.finished_at && !row.rolled_back_at)
  if (failed) throw new Error(`migration ${String(failed.migration_name)} is marked failed; fix it (prisma migrate resolve)`)
  const done = new Map(rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row.checksum]))
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
  const applied: string[] = []
  for (const name of names) {
    const sql = readFileSync(join(dir, name, 'migration.sql'))
    const checksum = createHash('sha256').update(sql).digest('hex')
    if (done.has(name)) {
      if (done.get(name) !== checksum) getLogger().warn(`[migrate] ${name} was edited after it was applied`)
      continue
    }
    const id = randomUUID()
    const literal = (value: string) => `'${value.replaceAll("'", "''")}'`
    // The bookkeeping row commits with the migration itself: a crash mid-way leaves neither, never a "failed" mark.
    try {
      await driver.exec(
        `BEGIN;\nINSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES (${literal(id)}, ${literal(checksum)}, ${literal(name)});\n` +
          `${sql.toString('utf8')}\n;UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = ${literal(id)};\nCOMMIT;`,
      )
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await driver.exec('ROLLBACK').catch(() => {})
      await driver.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, rolled_back_at, logs) VALUES ($1, $2, $3, now(), $4)`, [
        id,
        checksum,
        name,
        message,
      ])
      throw new Error(`migration ${name} failed: ${message}`)
    }
    applied.push(name)
  }
  return applied
}
