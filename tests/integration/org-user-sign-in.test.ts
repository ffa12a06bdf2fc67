// The organization's users signing in against the real database (PGlite or PostgreSQL, per TEST_DB): sessions made,
// found and ended through lib/org-users/server/flows.ts, no account enumeration, and the sign-in rate limits.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from 'better-auth/crypto'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { env } from '@/lib/env'
import * as flows from '@/lib/org-users/server/flows'
import { ORG_SESSION_TTL_MS } from '@/lib/org-users/server/sessions'
import { hashToken } from '@/lib/org-users/server/tokens'
import { consumeSignInLimits, forgetSignInAttempts, RATE_LIMIT_POLICIES } from '@/lib/server/rate-limit'

const PASSWORD = 'correct horse battery'
const NETWORK = '203.0.113.0/24'
let org: flows.TPublicOrg

async function createOrg(): Promise<flows.TPublicOrg> {
  const slug = `org-${randomBytes(4).toString('hex')}`
  return (await getPrisma()).organization.create({ data: { name: `Acme ${slug}`, slug }, select: { id: true, name: true, slug: true } })
}

/** The token of the newest outbox link of `kind`, as the recipient would click it. */
async function tokenFromMail(orgId: string, kind: 'verify' | 'reset'): Promise<string> {
  const rows = await (await getPrisma()).outboxMessage.findMany({ where: { orgId, kind }, orderBy: { createdAt: 'asc' } })
  const match = rows.at(-1)?.text.match(/[?&]token=([A-Za-z0-9_-]+)/)
  if (!match?.[1]) throw new Error(`no ${kind} link in the outbox`)
  return match[1]
}

async function verifiedUser(email: string) {
  await flows.signUpOrgUser(org, { email, password: PASSWORD })
  expect(await flows.verifyOrgUserEmail(org, await tokenFromMail(org.id, 'verify'), { password: PASSWORD })).toEqual({ ok: true })
}

async function sessionsOf(email: string) {
  return (await getPrisma()).orgUserSession.findMany({ where: { orgUser: { orgId: org.id, email } } })
}

beforeAll(() => getPrisma())
beforeEach(async () => {
  org = await createOrg()
})
afterAll(closeDatabase)

describe('signInOrgUser', () => {
  it('signs a verified user in: a 7-day session stored only as the SHA-256 of its token, found by that token', async () => {
    await verifiedUser('alice@example.com')
    const result = await flows.signInOrgUser(org, { email: ' Alice@Example.com', password: PASSWORD }, NETWORK)
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`)
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const [session, ...others] = await sessionsOf('alice@example.com')
    expect(others).toHaveLength(0)
    expect(session).toMatchObject({ tokenHash: hashToken(result.token), ipNetwork: NETWORK, expiresAt: result.expiresAt })
    expect(JSON.stringify(session)).not.toContain(result.token)
    expect(result.expiresAt.getTime() - session!.createdAt.getTime()).toBe(ORG_SESSION_TTL_MS)
    expect(await flows.findSignedInUser(org, result.token)).toMatchObject({ email: 'alice@example.com' })
  })

  it('finds no user for no cookie, an unknown token, an expired session or another organization', async () => {
    await verifiedUser('bob@example.com')
    const result = await flows.signInOrgUser(org, { email: 'bob@example.com', password: PASSWORD }, null)
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`)
    expect(await flows.findSignedInUser(org, undefined)).toBeNull()
    expect(await flows.findSignedInUser(org, randomBytes(32).toString('base64url'))).toBeNull()
    expect(await flows.findSignedInUser(await createOrg(), result.token)).toBeNull()
    await (await getPrisma()).orgUserSession.updateMany({ where: { tokenHash: hashToken(result.token) }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await flows.findSignedInUser(org, result.token)).toBeNull()
  })

  it('answers a wrong password and an unknown address identically, and creates no session', async () => {
    await verifiedUser('carol@example.com')
    const wrong = await flows.signInOrgUser(org, { email: 'carol@example.com', password: 'not the password' }, NETWORK)
    const unknown = await flows.signInOrgUser(org, { email: 'nobody@example.com', password: PASSWORD }, NETWORK)
    expect(wrong).toEqual({ ok: false, reason: 'bad-credentials' })
    expect(unknown).toEqual(wrong)
    expect(await sessionsOf('carol@example.com')).toHaveLength(0)
  })

  it('checks an unknown address against a password hash too (about the time of a wrong password)', async () => {
    await flows.signInOrgUser(org, { email: 'warm-up@example.com', password: PASSWORD }, null) // makes the process's dummy hash
    const reference = await hashPassword(PASSWORD)
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now()
      await work()
      return performance.now() - start
    }
    const checks: number[] = []
    const unknowns: number[] = []
    for (let round = 0; round < 3; round++) {
      checks.push(await timed(() => verifyPassword({ hash: reference, password: 'not the password' })))
      unknowns.push(await timed(() => flows.signInOrgUser(org, { email: `nobody-${round}@example.com`, password: PASSWORD }, null)))
    }
    // a lookup alone takes a few milliseconds; an scrypt check takes tens of them
    expect(Math.min(...unknowns)).toBeGreaterThan(0.5 * Math.min(...checks))
  })

  it('tells "verify first" only with the right password of an unverified account', async () => {
    await flows.signUpOrgUser(org, { email: 'dave@example.com', password: PASSWORD })
    expect(await flows.signInOrgUser(org, { email: 'dave@example.com', password: PASSWORD }, null)).toEqual({ ok: false, reason: 'unverified' })
    expect(await flows.signInOrgUser(org, { email: 'dave@example.com', password: 'a wrong guess 1' }, null)).toEqual({ ok: false, reason: 'bad-credentials' })
    expect(await sessionsOf('dave@example.com')).toHaveLength(0)
  })

  it('ends the session on sign-out, and only that one', async () => {
    await verifiedUser('erin@example.com')
    const first = await flows.signInOrgUser(org, { email: 'erin@example.com', password: PASSWORD }, null)
    const second = await flows.signInOrgUser(org, { email: 'erin@example.com', password: PASSWORD }, null)
    if (!first.ok || !second.ok) throw new Error('sign-in failed')
    await flows.signOutOrgUser(await createOrg(), first.token) // another organization's sign-out ends nothing here
    expect(await flows.findSignedInUser(org, first.token)).not.toBeNull()
    await flows.signOutOrgUser(org, first.token)
    expect(await flows.findSignedInUser(org, first.token)).toBeNull()
    expect(await flows.findSignedInUser(org, second.token)).not.toBeNull()
  })

  it('a password reset ends every session of the user, and the old password stops working', async () => {
    await verifiedUser('frank@example.com')
    const sessions = await Promise.all([1, 2].map(() => flows.signInOrgUser(org, { email: 'frank@example.com', password: PASSWORD }, null)))
    expect(await sessionsOf('frank@example.com')).toHaveLength(2)
    await flows.requestRecovery(org, { email: 'frank@example.com' })
    expect(await flows.resetPassword(org, await tokenFromMail(org.id, 'reset'), { password: 'a brand new passphrase' })).toEqual({ ok: true })
    expect(await sessionsOf('frank@example.com')).toHaveLength(0)
    for (const session of sessions) if (session.ok) expect(await flows.findSignedInUser(org, session.token)).toBeNull()
    expect(await flows.signInOrgUser(org, { email: 'frank@example.com', password: PASSWORD }, null)).toEqual({ ok: false, reason: 'bad-credentials' })
    expect(await flows.signInOrgUser(org, { email: 'frank@example.com', password: 'a brand new passphrase' }, null)).toMatchObject({ ok: true })
  })
})

describe('consumeSignInLimits', () => {
  const perAddress = RATE_LIMIT_POLICIES['org-user-login-email'].points

  it('refuses an address after its attempts from one network, while other networks and addresses still may', async () => {
    const address = `${org.id}:gina@example.com`
    for (let count = 0; count < perAddress; count++) expect(await consumeSignInLimits('198.51.100.7', address)).toEqual({ ok: true })
    const refused = await consumeSignInLimits('198.51.100.99', address) // same /24
    expect(refused).toMatchObject({ ok: false })
    expect(refused.ok || refused.retryAfterSeconds).toBeGreaterThan(0)
    expect(await consumeSignInLimits('192.0.2.7', address)).toEqual({ ok: true })
    expect(await consumeSignInLimits('198.51.100.7', `${org.id}:hank@example.com`)).toEqual({ ok: true })
    // the right password forgets the network's attempts on the address
    await forgetSignInAttempts('198.51.100.7', address)
    expect(await consumeSignInLimits('198.51.100.7', address)).toEqual({ ok: true })
  })

  it('refuses an IP after its attempts, whatever the address', async () => {
    const ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.1`
    const perIp = RATE_LIMIT_POLICIES['org-user-login-ip'].points * env.RATE_LIMIT_IP_MULTIPLIER
    for (let count = 0; count < perIp; count++) await consumeSignInLimits(ip, `${org.id}:user-${count}@example.com`)
    expect(await consumeSignInLimits(ip, `${org.id}:someone-new@example.com`)).toMatchObject({ ok: false })
  })
})
