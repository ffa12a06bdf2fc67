// Rate limits (lib/server/rate-limit.ts) stored in the run's database: the limit holds, keys ignore case, concurrent attempts
// are all counted, and (PostgreSQL) every app instance shares the same counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { env } from '@/lib/env'
import { consumeAddressRequestLimits, consumeRateLimits, loginDelayMs, RATE_LIMIT_POLICIES, resetRateLimit, type TRateLimitName } from '@/lib/server/rate-limit'
import { isPostgresRun } from '../support/data-db'
import { uniqueTag } from '../support/data-fixtures'
import { openAppInstance, runAs, type TAppInstance } from '../support/data-instances'

const SIGNUP_EMAIL = RATE_LIMIT_POLICIES['signup-email']

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

describe('consumeAddressRequestLimits', () => {
  const perNetwork = RATE_LIMIT_POLICIES['org-user-recover-email'].points
  const ceiling = RATE_LIMIT_POLICIES['org-user-recover-email-any'].points

  it("lets the person's own request through after a stranger used up their address's allowance from another network", async () => {
    const address = `org-1:${newEmail()}`
    for (let count = 0; count < perNetwork; count++)
      expect(await consumeAddressRequestLimits('org-user-recover', '203.0.113.7', address)).toEqual({ ok: true, sendEmail: true })
    expect(await consumeAddressRequestLimits('org-user-recover', '203.0.113.99', address)).toMatchObject({ ok: false }) // same /24
    expect(await consumeAddressRequestLimits('org-user-recover', '198.51.100.20', address)).toEqual({ ok: true, sendEmail: true })
  })

  it('past the ceiling across every network, answers as usual and sends nothing', async () => {
    const address = `org-1:${newEmail()}`
    for (let network = 0; network < ceiling; network++)
      expect(await consumeAddressRequestLimits('org-user-recover', `10.0.${network}.1`, address)).toMatchObject({ sendEmail: true })
    expect(await consumeAddressRequestLimits('org-user-recover', '10.1.0.1', address)).toEqual({ ok: true, sendEmail: false })
    expect(await consumeAddressRequestLimits('org-user-recover', '10.1.0.1', `org-1:${newEmail()}`)).toEqual({ ok: true, sendEmail: true })
  })
})

describe('consumeRateLimits', () => {
  it("allows the policy's points, then refuses with the seconds left in the window", async () => {
    const email = newEmail()
    for (let count = 0; count < SIGNUP_EMAIL.points; count++) expect(await attempt('signup-email', email)).toEqual({ ok: true })
    const refused = await attempt('signup-email', email)
    expect(refused.ok).toBe(false)
    const retryAfterSeconds = refused.ok ? 0 : refused.retryAfterSeconds
    expect(retryAfterSeconds).toBeGreaterThan(SIGNUP_EMAIL.durationSeconds - 60)
    expect(retryAfterSeconds).toBeLessThanOrEqual(SIGNUP_EMAIL.durationSeconds)
    expect(await attempt('signup-email', email)).toMatchObject({ ok: false })
  })

  it('counts a key the same whatever its case, stored in lower case', async () => {
    const email = newEmail()
    const spellings = [email.toUpperCase(), email, `${email[0].toUpperCase()}${email.slice(1)}`]
    for (let count = 0; count < SIGNUP_EMAIL.points; count++) expect(await attempt('signup-email', spellings[count % 3])).toEqual({ ok: true })
    expect(await attempt('signup-email', email.toUpperCase())).toMatchObject({ ok: false })
    expect(await storedPoints('signup-email', email)).toBe(SIGNUP_EMAIL.points + 1)
    expect(await storedPoints('signup-email', email.toUpperCase())).toBeNull()
  })

  it('keeps keys and limits apart', async () => {
    const email = newEmail()
    for (let count = 0; count <= SIGNUP_EMAIL.points; count++) await attempt('signup-email', email)
    expect(await attempt('signup-email', email)).toMatchObject({ ok: false })
    expect(await attempt('signup-email', newEmail())).toEqual({ ok: true })
    expect(await attempt('org-user-recover-email', email)).toEqual({ ok: true })
  })

  it('refuses when any listed limit is used up, with the longest wait, and still counts the others', async () => {
    const email = newEmail()
    const org = `org-${uniqueTag()}`
    for (let count = 0; count < SIGNUP_EMAIL.points; count++) await attempt('signup-email', email)
    const refused = await consumeRateLimits([
      ['test-email-org', org],
      ['signup-email', email],
    ])
    expect(refused.ok).toBe(false)
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(RATE_LIMIT_POLICIES['test-email-org'].durationSeconds)
    expect(await storedPoints('test-email-org', org)).toBe(1)
  })

  it('does not count the per-email limit when the per-IP limit refused: a stranger cannot use up a known address', async () => {
    const email = newEmail()
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueTag()}`
    const ipPoints = RATE_LIMIT_POLICIES['org-user-recover-ip'].points * env.RATE_LIMIT_IP_MULTIPLIER
    for (let count = 0; count < ipPoints; count++) await attempt('org-user-recover-ip', ip)
    for (let count = 0; count < 10; count++) {
      const refused = await consumeRateLimits([
        ['org-user-recover-ip', ip],
        ['org-user-recover-email', email],
      ])
      expect(refused.ok).toBe(false)
    }
    expect(await storedPoints('org-user-recover-email', email)).toBeNull()
    expect(await attempt('org-user-recover-email', email)).toEqual({ ok: true })
  })

  it('counts sign-up and recovery of an org user apart', async () => {
    const key = `org:${newEmail()}`
    for (let count = 0; count < RATE_LIMIT_POLICIES['org-user-signup-email'].points; count++) await attempt('org-user-signup-email', key)
    expect(await attempt('org-user-signup-email', key)).toMatchObject({ ok: false })
    expect(await attempt('org-user-recover-email', key)).toEqual({ ok: true })
  })

  it('counts every IPv6 address of one /64 against one bucket', async () => {
    const hextet = () => Math.floor(Math.random() * 0xffff).toString(16)
    const prefix = `2001:db8:${hextet()}:${hextet()}`
    const points = RATE_LIMIT_POLICIES['login-ip'].points * env.RATE_LIMIT_IP_MULTIPLIER
    for (let count = 0; count < points; count++) expect(await attempt('login-ip', `${prefix}::${(count + 1).toString(16)}`)).toEqual({ ok: true })
    expect(await attempt('login-ip', `${prefix}:ffff:ffff:ffff:ffff`)).toMatchObject({ ok: false })
  })
})

describe('loginDelayMs', () => {
  it('lets the first attempts through at once, then doubles the delay up to 30 s, and never refuses', async () => {
    const email = newEmail()
    const delays: number[] = []
    for (let count = 0; count < 12; count++) delays.push(await loginDelayMs(email))
    expect(delays).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
    await resetRateLimit('login-email', email)
    expect(await loginDelayMs(email)).toBe(0)
  })
})

describe('resetRateLimit', () => {
  it('forgets the attempts after resetRateLimit', async () => {
    const email = newEmail()
    for (let count = 0; count <= SIGNUP_EMAIL.points; count++) await attempt('signup-email', email)
    expect(await attempt('signup-email', email)).toMatchObject({ ok: false })
    await resetRateLimit('signup-email', email.toUpperCase())
    expect(await storedPoints('signup-email', email)).toBeNull()
    expect(await attempt('signup-email', email)).toEqual({ ok: true })
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
    for (let count = 0; count < 3; count++) expect(await attempt('signup-email', email)).toEqual({ ok: true })
    for (let count = 3; count < SIGNUP_EMAIL.points; count++)
      expect(await runAs(other, () => attempt('signup-email', email.toUpperCase()))).toEqual({ ok: true })
    expect(await runAs(other, () => attempt('signup-email', email))).toMatchObject({ ok: false })
    expect(await attempt('signup-email', email)).toMatchObject({ ok: false })
    expect(other.rateLimiters.size).toBe(1)
  })

  it("see each other's resets", async () => {
    const email = newEmail()
    for (let count = 0; count <= SIGNUP_EMAIL.points; count++) await attempt('signup-email', email)
    expect(await runAs(other, () => attempt('signup-email', email))).toMatchObject({ ok: false })
    await runAs(other, () => resetRateLimit('signup-email', email))
    expect(await attempt('signup-email', email)).toEqual({ ok: true })
  })
})
