// Start-up migrations (lib/server/db/migrate.ts, lib/server/db/open.ts) on the run's database kind: Prisma's bookkeeping, re-opening,
// a failing migration, an edited one, and (PostgreSQL) several instances starting at once on an empty database.
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { applyMigrations } from '@/lib/server/db/migrate'
import { openDatabase, type TDatabase } from '@/lib/server/db/open'
import { env } from '@/lib/env'
import type { TAuthKind } from '@/lib/email-provider/schema'
import { signInOfStored } from '@/lib/email-provider/sign-in-kinds'
import { getLogger } from '@/lib/server/logger'
import { isPostgresRun, openEmptyDatabase, type TEmptyDatabase } from '../support/data-db'
import { createTestDatabase, dropTestDatabase } from '../support/postgres'

const MIGRATIONS_DIR = join(process.cwd(), 'prisma', 'migrations')

type TMigrationRow = {
  migration_name: string
  checksum: string
  finished_at: Date | null
  rolled_back_at: Date | null
  applied_steps_count: number
  logs: string | null
}

// What `prisma migrate` itself records: the sha256 of the migration.sql bytes, in hex.
function expectedMigrations(dir = MIGRATIONS_DIR) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash('sha256')
        .update(readFileSync(join(dir, name, 'migration.sql')))
        .digest('hex'),
    }))
}

const SELECT_ROWS = `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY migration_name, started_at`

function copyMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-migrations-'))
  cpSync(MIGRATIONS_DIR, dir, { recursive: true })
  return dir
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(join(dir, name), { recursive: true })
  writeFileSync(join(dir, name, 'migration.sql'), sql)
}

// Opening (and migrating) the run's database takes seconds on PGlite: do it under the hook timeout, not a test's.
beforeAll(() => getPrisma())
afterAll(() => closeDatabase())

describe('start-up migrations', () => {
  it('records each migration once in _prisma_migrations, finished, with the checksum prisma migrate computes', async () => {
    const prisma = await getPrisma()
    const rows = await prisma.$queryRawUnsafe<TMigrationRow[]>(SELECT_ROWS)
    const expected = expectedMigrations()
    expect(expected.length).toBeGreaterThan(0)
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(expected)
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date)
      expect(row.rolled_back_at).toBeNull()
      expect(row.applied_steps_count).toBe(1)
    }
    const tables = await prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(['organization', 'membership', 'email_provider_settings', 'audit_entry', 'rate_limit', 'outbox_message', 'user']),
    )
  })

  it('applies nothing when the same database is opened again', async () => {
    // PostgreSQL: the run's database, already migrated by getPrisma(). PGlite: a folder opened twice (memory:// is new each time).
    const folder = isPostgresRun ? null : mkdtempSync(join(tmpdir(), 'console-pglite-'))
    const options = folder ? { pgliteDir: folder } : { url: env.DATABASE_URL }
    try {
      if (folder) {
        const first = await openDatabase(options)
        expect(first.applied).toEqual(expectedMigrations().map((migration) => migration.name))
        await first.close()
      } else {
        await getPrisma()
      }
      const again = await openDatabase(options)
      try {
        expect(again.applied).toEqual([])
        const rows = await again.prisma.$queryRawUnsafe<TMigrationRow[]>(SELECT_ROWS)
        expect(rows.map((row) => row.migration_name)).toEqual(expectedMigrations().map((migration) => migration.name))
      } finally {
        await again.close()
      }
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('applyMigrations on an empty database', () => {
  let database: TEmptyDatabase | undefined
  let dir: string | undefined
  afterEach(async () => {
    await database?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
    database = undefined
    dir = undefined
    vi.restoreAllMocks()
  })

  it('rolls a failing migration back entirely, records it as rolled back, and applies it once it is fixed', async () => {
    database = await openEmptyDatabase()
    dir = copyMigrations()
    const broken = '29990101000000_broken'
    addMigration(dir, broken, 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n')

    await expect(applyMigrations(database.driver, dir)).rejects.toThrow(/migration 29990101000000_broken failed: .*no_such_table/)
    const halfDone = await database.driver.query(`SELECT to_regclass('public.half_done')::text AS name`)
    expect(halfDone).toEqual([{ name: null }])
    const afterFailure = (await database.driver.query(SELECT_ROWS)) as TMigrationRow[]
    const failed = afterFailure.find((row) => row.migration_name === broken)
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0 })
    expect(failed?.rolled_back_at).toBeInstanceOf(Date)
    expect(failed?.logs).toMatch(/no_such_table/)

    addMigration(dir, broken, 'CREATE TABLE "half_done" ("id" INTEGER);\n')
    expect(await applyMigrations(database.driver, dir)).toEqual([broken])
    const rows = (await database.driver.query(SELECT_ROWS)) as TMigrationRow[]
    expect(rows.filter((row) => row.migration_name === broken).map((row) => Boolean(row.finished_at))).toEqual([false, true])
    expect(await applyMigrations(database.driver, dir)).toEqual([])
  })

  it('does not re-apply a migration edited after it was applied, and warns about it', async () => {
    database = await openEmptyDatabase()
    dir = copyMigrations()
    const migrations = expectedMigrations(dir)
    const [first] = migrations
    expect(await applyMigrations(database.driver, dir)).toEqual(migrations.map((migration) => migration.name))
    const warn = vi.spyOn(getLogger(), 'warn').mockImplementation(() => {})
    writeFileSync(join(dir, first.name, 'migration.sql'), `${readFileSync(join(dir, first.name, 'migration.sql'), 'utf8')}\n-- edited\n`)

    expect(await applyMigrations(database.driver, dir)).toEqual([])
    expect(warn).toHaveBeenCalledWith(`[migrate] ${first.name} was edited after it was applied`)
    const rows = (await database.driver.query(SELECT_ROWS)) as TMigrationRow[]
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(migrations.map((migration) => [migration.name, migration.checksum]))
  })
})

describe('data kept across migrations', () => {
  let database: TEmptyDatabase | undefined
  let dir: string | undefined
  afterEach(async () => {
    await database?.close()
    database = undefined
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('turns v1 rows into typed settings (strings into enums, password or no sign-in) without losing one', async () => {
    database = await openEmptyDatabase()
    dir = copyMigrations()
    const later = expectedMigrations(dir).filter((migration) => migration.name > '20261125130205_init')
    const moved = mkdtempSync(join(tmpdir(), 'console-later-migrations-'))
    for (const migration of later) cpSync(join(dir, migration.name), join(moved, migration.name), { recursive: true })
    for (const migration of later) rmSync(join(dir, migration.name), { recursive: true })
    expect(await applyMigrations(database.driver, dir)).toEqual(['20261125130205_init'])

    await database.driver.query(`INSERT INTO organization (id, name, slug) VALUES ('o1', 'One', 'one'), ('o2', 'Two', 'two')`)
    await database.driver.query(
      `INSERT INTO "user" (id, name, email, "updatedAt") VALUES ('u1', 'u', 'u@example.test', now()), ('u2', 'v', 'v@example.test', now())`,
    )
    await database.driver.query(`INSERT INTO membership (id, "orgId", "userId", role) VALUES ('m1', 'o1', 'u1', 'owner'), ('m2', 'o1', 'u2', 'member')`)
    await database.driver.query(
      `INSERT INTO email_provider_settings ("orgId", host, port, "fromAddress", username, "passwordSecret", "updatedAt")
       VALUES ('o1', 'smtp.one.test', 587, 'a@one.test', 'mailer', 'v1:k:i:t:c', now()), ('o2', 'relay.two.test', 25, 'a@two.test', NULL, NULL, now())`,
    )
    await database.driver.query(
      `INSERT INTO outbox_message (id, "orgId", kind, "toAddress", subject, html, text, "messageId", status) VALUES ('x1', 'o1', 'verify', 't@x.test', 's', '', '', '<m1@x>', 'retrying')`,
    )
    await database.driver.query(
      `INSERT INTO audit_entry (id, "orgId", "actorEmail", action, details) VALUES ('a1', 'o1', 'u@example.test', 'email_provider.update', '{}')`,
    )

    for (const migration of later) cpSync(join(moved, migration.name), join(dir, migration.name), { recursive: true })
    rmSync(moved, { recursive: true, force: true })
    expect(await applyMigrations(database.driver, dir)).toEqual(later.map((migration) => migration.name))

    const providers = (await database.driver.query(
      `SELECT "orgId", preset::text, security::text, "authKind"::text AS "authKind", "signIn", "passwordSecret", secrets FROM email_provider_settings ORDER BY "orgId"`,
    )) as Array<Record<string, unknown>>
    expect(providers).toEqual([
      { orgId: 'o1', preset: 'custom', security: 'auto', authKind: 'password', signIn: { username: 'mailer' }, passwordSecret: 'v1:k:i:t:c', secrets: null },
      { orgId: 'o2', preset: 'custom', security: 'auto', authKind: 'none', signIn: {}, passwordSecret: null, secrets: null },
    ])
    // the old "member" role is now "viewer" (read-only), with nothing else changed
    expect(await database.driver.query(`SELECT role::text AS role FROM membership ORDER BY id`)).toEqual([{ role: 'owner' }, { role: 'viewer' }])
    expect(await database.driver.query(`SELECT status::text AS status, kind::text AS kind FROM outbox_message`)).toEqual([
      { status: 'retrying', kind: 'verify' },
    ])
    expect(await database.driver.query(`SELECT action::text AS action FROM audit_entry`)).toEqual([{ action: 'email_provider.update' }])
  })
})

describe('the sign-in settings move into one JSON object per provider', () => {
  const BEFORE = '20261206120000_provider_sign_in_settings'
  let database: TEmptyDatabase | undefined
  let dir: string | undefined
  afterEach(async () => {
    await database?.close()
    database = undefined
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every saved provider of every sign-in kind, read back by the new schema', async () => {
    database = await openEmptyDatabase()
    dir = copyMigrations()
    const later = expectedMigrations(dir).filter((migration) => migration.name >= BEFORE)
    const moved = mkdtempSync(join(tmpdir(), 'console-later-migrations-'))
    for (const migration of later) cpSync(join(dir, migration.name), join(moved, migration.name), { recursive: true })
    for (const migration of later) rmSync(join(dir, migration.name), { recursive: true })
    await applyMigrations(database.driver, dir)

    await database.driver.query(`INSERT INTO organization (id, name, slug) VALUES ('p', 'P', 'p'), ('o', 'O', 'o'), ('g', 'G', 'g'), ('n', 'N', 'n')`)
    const insert = `INSERT INTO email_provider_settings ("orgId", preset, host, port, security, "authKind", username, "tenantId", "tokenUrl", "clientId",
      scope, "clientSecretExpiresAt", "serviceAccountEmail", "fromAddress", secrets, "updatedAt")
      VALUES ($1, $2::"ProviderPreset", $3, $4, $5::"ConnectionSecurity", $6::"AuthKind", $7, $8, $9, $10, $11, $12::timestamp, $13, $14, $15, now())`
    const rows = [
      ['p', 'custom', 'smtp.p.test', 587, 'auto', 'password', 'mailer', null, null, null, null, null, null, 'a@p.test', 'v2:sealed-p'],
      [
        'o',
        'microsoft365',
        'smtp.office365.com',
        587,
        'starttls',
        'oauth_client_credentials',
        'no-reply@contoso.com',
        'contoso.onmicrosoft.com',
        'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        'app-id',
        'https://outlook.office365.com/.default',
        '2027-03-31 00:00:00',
        null,
        'no-reply@contoso.com',
        'v2:sealed-o',
      ],
      [
        'g',
        'google',
        'smtp.gmail.com',
        465,
        'tls',
        'google_service_account',
        'no-reply@example.com',
        null,
        null,
        null,
        null,
        null,
        'mailer@project.iam.gserviceaccount.com',
        'no-reply@example.com',
        'v2:sealed-g',
      ],
      ['n', 'custom', 'relay.n.test', 25, 'none', 'none', null, null, null, null, null, null, null, 'a@n.test', null],
    ]
    for (const row of rows) await database.driver.query(insert, row)

    for (const migration of later) cpSync(join(moved, migration.name), join(dir, migration.name), { recursive: true })
    rmSync(moved, { recursive: true, force: true })
    expect(await applyMigrations(database.driver, dir)).toEqual(later.map((migration) => migration.name))

    const stored = (await database.driver.query(
      `SELECT "orgId", "authKind"::text AS "authKind", "signIn", host, "fromAddress", secrets FROM email_provider_settings ORDER BY "orgId"`,
    )) as Array<{ orgId: string; authKind: TAuthKind; signIn: unknown; host: string; fromAddress: string; secrets: string | null }>
    const read = Object.fromEntries(stored.map((row) => [row.orgId, { ...row, signIn: signInOfStored(row.authKind, row.signIn) }]))
    const none = { username: null, tenantId: null, tokenUrl: null, clientId: null, scope: null, clientSecretExpiresAt: null, serviceAccountEmail: null }
    expect(read.p).toMatchObject({ host: 'smtp.p.test', secrets: 'v2:sealed-p', signIn: { ...none, username: 'mailer' } })
    expect(read.o).toMatchObject({
      host: 'smtp.office365.com',
      secrets: 'v2:sealed-o',
      signIn: {
        ...none,
        username: 'no-reply@contoso.com',
        tenantId: 'contoso.onmicrosoft.com',
        tokenUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        clientId: 'app-id',
        scope: 'https://outlook.office365.com/.default',
        clientSecretExpiresAt: new Date('2027-03-31T00:00:00Z'),
      },
    })
    expect(read.g).toMatchObject({
      secrets: 'v2:sealed-g',
      signIn: { ...none, username: 'no-reply@example.com', serviceAccountEmail: 'mailer@project.iam.gserviceaccount.com' },
    })
    expect(read.n).toMatchObject({ host: 'relay.n.test', secrets: null, signIn: none })
    // each kind keeps only its own fields
    expect(stored.find((row) => row.orgId === 'p')!.signIn).toEqual({ username: 'mailer' })
  })
})

describe.skipIf(!isPostgresRun)('on PostgreSQL: instances starting at once on an empty database', () => {
  it('lets exactly one of four instances apply each migration, and all of them start', async () => {
    const created = await createTestDatabase('console_race')
    const opened: TDatabase[] = []
    try {
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase({ url: created.url })))
      for (const result of results) if (result.status === 'fulfilled') opened.push(result.value)
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'])

      const names = expectedMigrations().map((migration) => migration.name)
      const appliedLists = opened.map((database) => database.applied)
      expect(appliedLists.filter((applied) => applied.length > 0)).toEqual([names])
      expect(appliedLists.filter((applied) => applied.length === 0)).toHaveLength(3)

      const rows = await opened[0].prisma.$queryRawUnsafe<TMigrationRow[]>(SELECT_ROWS)
      expect(rows.map((row) => row.migration_name)).toEqual(names)
      expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true)
      // Every instance can use the schema.
      const counts = await Promise.all(opened.map((database) => database.prisma.organization.count()))
      expect(counts).toEqual([0, 0, 0, 0])
    } finally {
      await Promise.all(opened.map((database) => database.close()))
      await dropTestDatabase(created.name)
    }
  })
})
