// Fresh PostgreSQL databases for test runs, on the server named by TEST_PG_URL (scripts/test.sh starts one).
import pg from 'pg'
import { randomBytes } from 'node:crypto'

export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres'

function withDatabase(url: string, database: string) {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** Creates an empty database and returns its URL. */
export async function createTestDatabase(prefix = 'console_test'): Promise<{ url: string; name: string }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  return { url: withDatabase(TEST_PG_URL, name), name }
}

/** Drops a database made by createTestDatabase, closing whatever still holds it. */
export async function dropTestDatabase(name: string) {
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await admin.end()
  }
}
