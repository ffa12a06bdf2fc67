// Vitest globalSetup: each run gets a fresh database. TEST_DB=postgres → a new PostgreSQL database shared by the
// (sequential) test files; otherwise every worker opens its own in-memory PGlite.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, dropTestDatabase } from './postgres'

export default async function setup() {
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString('base64')
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'console-test-'))
  process.env.SMTP_ALLOW_PRIVATE_HOSTS ??= 'true'
  // PostgreSQL runs count as deployments (lib/env.ts): emails of orgs without a provider are captured on purpose
  process.env.MAIL_CAPTURE ??= 'true'
  // delivery tests wait on the worker: poll and retry fast
  process.env.OUTBOX_POLL_MS ??= '50'
  process.env.OUTBOX_RETRY_BASE_MS ??= '100'
  // short enough for the tarpit test, long enough that a busy machine (PGlite shares the event loop) never hits it
  process.env.OUTBOX_SEND_DEADLINE_MS ??= '5000'
  process.env.OUTBOX_ALERT_AFTER_MS ??= '1500'
  process.env.OUTBOX_FALLBACK_AFTER_MS ??= '1000'
  if (process.env.TEST_DB !== 'postgres') {
    process.env.PGLITE_DIR = 'memory://'
    delete process.env.DATABASE_URL
    return
  }
  const database = await createTestDatabase()
  process.env.DATABASE_URL = database.url
  return () => dropTestDatabase(database.name)
}
