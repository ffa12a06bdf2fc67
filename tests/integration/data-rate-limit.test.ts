// Rate limits (lib/server/rate-limit.ts) stored in the run's database: the limit holds, keys ignore case, concurrent attempts
// are all counted, and (PostgreSQL) every app instance shares the same counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { env } from '@/lib/env'
import { consumeRateLimits, RATE_LIMIT_POLICIES, resetRateLimit, type TRateLimitName } from '@/lib/server/rate-limit'
import { isPostgresRun } from '../support/data-db'
import { uniqueTag } from '../support/data-fixtures'
import { openAppInstance, runAs, type TAppInstance } from '../support/data-instances'

const LOGIN_EMAIL = RATE_LIMIT_POLICIES['login-email']

function newEmail(): string {
  return `user-${uniqueTag()}@example.test`
}

async function attempt(name: TRateLimitName, key: string) {
  return consumeRateLimits([[name, key]])
}

async function storedPoints(name: TRateLimitName, key: string) {
  const row = await (await getPrisma()).rateLimiterFlexible.findUnique({ where: { key: `${name}:${key}` } })
  return row?.points ?? null
}

// Opening (and migrating) the run's database takes seconds on PGlite: do it under the hook timeout, not a test's.
beforeAll(() => getPrisma())
afterAll(() => closeDatabase())

describe('consumeRateLimits', () => {
  it("allows the policy's points, then refuses with the seconds left in the window", async () => {
    const email = newEmail()
    for (let count = 0; count < LOGIN_EMAIL.points; count++) expect(await attempt('login-email', email)).toEqual({ ok: true })
    const refused = await attempt('login-email', email)
    expect(refused.ok).toBe(false)
    const retryAfterSeconds = refused.ok ? 0 : refused.retryAfterSeconds
    expect(retryAfterSeconds).toBeGreaterThan(LOGIN_EMAIL.durationSeconds - 60)
    expect(retryAfterSeconds).toBeLessThanOrEqual(LOGIN_EMAIL.durationSeconds)
    expect(await attempt('login-email', email)).toMatchObject({ ok: false })
  })

  it('counts a key the same whatever its case, stored in lower case', async () => {
    const email = newEmail()
    const spellings = [email.toUpperCase(), email, `${email[0].toUpperCase()}${email.slice(1)}`]
    for (let count = 0; count < LOGIN_EMAIL.points; count++) expect(await attempt('login-email', spellings[count % 3])).toEqual({ ok: true })
    expect(await attempt('login-email', email.toUpperCase())).toMatchObject({ ok: false })
    expect(await storedPoints('login-email', email)).toBe(LOGIN_EMAIL.points + 1)
    expect(await storedPoints('login-email', email.toUpperCase())).toBeNull()
  })

  it('keeps keys and limits apart', async () => {
    const email = newEmail()
    for (let count = 0; count <= LOGIN_EMAIL.points; count++) await attempt('login-email', email)
    expect(await attempt('login-email', email)).toMatchObject({ ok: false })
    expect(await attempt('login-email', newEmail())).toEqual({ ok: true })
    expect(await attempt('signup-email', email)).toEqual({ ok: true })
  })

  it('refuses when any listed limit is used up, with the longest wait, and still counts the others', async () => {
    const email = newEmail()
    const org = `org-${uniqueTag()}`
    for (let count = 0; count < LOGIN_EMAIL.points; count++) await attempt('login-email', email)
    const refused = await consumeRateLimits([
      ['test-email-org', org],
      ['login-email', email],
    ])
    expect(refused.ok).toBe(false)
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(RATE_LIMIT_POLICIES['test-email-org'].durationSeconds)
    expect(await storedPoints('test-email-org', org)).toBe(1)
  })

  it('forgets the attempts after resetRateLimit', async () => {
    const email = newEmail()
    for (let count = 0; count <= LOGIN_EMAIL.points; count++) await attempt('login-email', email)
    expect(await attempt('login-email', email)).toMatchObject({ ok: false })
    await resetRateLimit('login-email', email.toUpperCase())
    expect(await storedPoints('login-email', email)).toBeNull()
    expect(await attempt('login-email', email)).toEqual({ ok: true })
  })

  it('counts every one of many attempts made at the same moment', async () => {
    const org = `org-${uniqueTag()}`
    const { points } = RATE_LIMIT_POLICIES['test-email-org']
    const results = await Promise.all(Array.from({ length: points + 5 }, () => attempt('test-email-org', org)))
    expect(results.filter((result) => result.ok)).toHaveLength(points)
    expect(results.filter((result) => !result.ok)).toHaveLength(5)
    expect(await storedPoints('test-email-org', org)).toBe(points + 5)
  })
})

// PGlite is embedded in one process, so only PostgreSQL has more than one app instance.
describe.skipIf(!isPostgresRun)('on PostgreSQL: two app instances (two PrismaClients on one database)', () => {
  let other: TAppInstance
  beforeAll(async () => {
    if (!env.DATABASE_URL) throw new Error('TEST_DB=postgres runs need DATABASE_URL (tests/support/db-setup.ts)')
    other = await openAppInstance(env.DATABASE_URL)
  })
  afterAll(() => other?.database.close())

  it('share one counter per key', async () => {
    expect(other.database.prisma).not.toBe(await getPrisma())
    const email = newEmail()
    for (let count = 0; count < 3; count++) expect(await attempt('login-email', email)).toEqual({ ok: true })
    for (let count = 3; count < LOGIN_EMAIL.points; count++) expect(await runAs(other, () => attempt('login-email', email.toUpperCase()))).toEqual({ ok: true })
    expect(await runAs(other, () => attempt('login-email', email))).toMatchObject({ ok: false })
    expect(await attempt('login-email', email)).toMatchObject({ ok: false })
    expect(other.rateLimiters.size).toBe(1)
  })

  it("see each other's resets", async () => {
    const email = newEmail()
    for (let count = 0; count <= LOGIN_EMAIL.points; count++) await attempt('login-email', email)
    expect(await runAs(other, () => attempt('login-email', email))).toMatchObject({ ok: false })
    await runAs(other, () => resetRateLimit('login-email', email))
    expect(await attempt('login-email', email)).toEqual({ ok: true })
  })
})
