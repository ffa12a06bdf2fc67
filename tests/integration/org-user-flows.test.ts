// The organization's users against the real database (PGlite or PostgreSQL, per TEST_DB): sign-up, verification,
// recovery and reset through lib/org-users/server/flows.ts, checking the outbox rows and the stored tokens.
import { randomBytes } from 'node:crypto'
import { reserveHashSlot } from '@/lib/auth/server/hash-queue'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyPassword } from 'better-auth/crypto'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { env } from '@/lib/env'
import * as flows from '@/lib/org-users/server/flows'
import { hashToken } from '@/lib/org-users/server/tokens'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { findOrgAccess } from '@/lib/orgs/server/store'

const PASSWORD = 'correct horse battery'
let org: flows.TPublicOrg

async function createOrg(): Promise<flows.TPublicOrg> {
  const prisma = await getPrisma()
  const slug = `org-${randomBytes(4).toString('hex')}`
  return prisma.organization.create({ data: { name: `Acme ${slug}`, slug }, select: { id: true, name: true, slug: true } })
}

async function outbox(orgId: string) {
  return (await getPrisma()).outboxMessage.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } })
}

/** The token of the newest outbox link of `kind`, as the recipient would click it. */
async function tokenFromMail(orgId: string, kind: 'verify' | 'reset'): Promise<string> {
  const rows = (await outbox(orgId)).filter((row) => row.kind === kind)
  const match = rows.at(-1)?.text.match(/[?&]token=([A-Za-z0-9_-]+)/)
  if (!match?.[1]) throw new Error(`no ${kind} link in the outbox`)
  return match[1]
}

async function findUser(orgId: string, email: string) {
  return (await getPrisma()).orgUser.findUniqueOrThrow({ where: { orgId_email: { orgId, email } } })
}

beforeEach(async () => {
  org = await createOrg()
})
afterAll(closeDatabase)

describe('signUpOrgUser', () => {
  it('creates an unverified user and queues exactly one verification email with an APP_URL link', async () => {
    expect(await flows.signUpOrgUser(org, { email: '  Alice@Example.COM ', password: PASSWORD })).toEqual({ ok: true })
    const rows = await outbox(org.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'verify', toAddress: 'alice@example.com', status: 'queued' })
    expect(rows[0]!.text).toContain(`${env.APP_URL}/t/${org.slug}/verify?token=`)
    const user = await findUser(org.id, 'alice@example.com')
    expect(user.emailVerifiedAt).toBeNull()
    expect(user.passwordHash).not.toContain(PASSWORD)
    expect(await verifyPassword({ hash: user.passwordHash, password: PASSWORD })).toBe(true)
  })

  it('stores the token only as its SHA-256 hash, expiring in 24 hours', async () => {
    await flows.signUpOrgUser(org, { email: 'bob@example.com', password: PASSWORD })
    const token = await tokenFromMail(org.id, 'verify')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const rows = await (await getPrisma()).orgUserToken.findMany({ where: { orgUser: { orgId: org.id } } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ purpose: 'verify', tokenHash: hashToken(token), usedAt: null })
    expect(JSON.stringify(rows)).not.toContain(token)
    const hoursLeft = (rows[0]!.expiresAt.getTime() - Date.now()) / 3_600_000
    expect(hoursLeft).toBeGreaterThan(23.9)
    expect(hoursLeft).toBeLessThanOrEqual(24)
  })

  it('answers a verified address identically, emails its owner a signup_attempt and changes nothing', async () => {
    const first = await flows.signUpOrgUser(org, { email: 'carol@example.com', password: PASSWORD })
    expect(await flows.verifyOrgUserEmail(org, await tokenFromMail(org.id, 'verify'), { password: PASSWORD })).toEqual({ ok: true })
    const before = await findUser(org.id, 'carol@example.com')
    const second = await flows.signUpOrgUser(org, { email: 'Carol@example.com', password: 'another password 123' })
    expect(second).toEqual(first)
    const rows = await outbox(org.id)
    expect(rows.map((row) => row.kind)).toEqual(['verify', 'signup_attempt'])
    expect(rows[1]!.toAddress).toBe('carol@example.com')
    expect(rows[1]!.text).toContain(`${env.APP_URL}/t/${org.slug}/recover`)
    expect(await findUser(org.id, 'carol@example.com')).toEqual(before)
    expect(await (await getPrisma()).orgUserToken.count({ where: { orgUserId: before.id } })).toBe(1)
  })

  it('lets a new sign-up of an unverified address replace its password and invalidate the older links', async () => {
    // An attacker signs up victim@ first; the victim signs up too: the victim's password and link win.
    await flows.signUpOrgUser(org, { email: 'victim@example.com', password: 'attacker password 1' })
    const attackersLink = await tokenFromMail(org.id, 'verify')
    await flows.signUpOrgUser(org, { email: 'victim@example.com', password: PASSWORD })
    const victimsLink = await tokenFromMail(org.id, 'verify')
    expect(victimsLink).not.toBe(attackersLink)
    expect((await outbox(org.id)).map((row) => row.kind)).toEqual(['verify', 'verify'])
    const user = await findUser(org.id, 'victim@example.com')
    expect(await verifyPassword({ hash: user.passwordHash, password: PASSWORD })).toBe(true)
    expect(await flows.isVerifyLinkUsable(org, attackersLink)).toBe(false)
    expect(await flows.verifyOrgUserEmail(org, attackersLink, { password: PASSWORD })).toMatchObject({ ok: false })
    expect(await flows.verifyOrgUserEmail(org, victimsLink, { password: PASSWORD })).toEqual({ ok: true })
    expect(await (await getPrisma()).orgUser.count({ where: { orgId: org.id } })).toBe(1)
  })

  it('answers at once and leaves the lookup, hash and email to the deferred work', async () => {
    const deferred: Array<() => Promise<unknown>> = []
    const reservation = reserveHashSlot()!
    const answer = flows.acceptOrgUserSignup(org, { email: 'later@example.com', password: PASSWORD }, reservation, (work) => deferred.push(work))
    expect(answer).toEqual({ ok: true })
    expect(await (await getPrisma()).orgUser.count({ where: { orgId: org.id } })).toBe(0)
    expect(await outbox(org.id)).toHaveLength(0)
    expect(deferred).toHaveLength(1)
    await deferred[0]!()
    expect((await outbox(org.id)).map((row) => row.kind)).toEqual(['verify'])
  })

  it('keeps one account when the same address signs up twice at once', async () => {
    const results = await Promise.all([1, 2].map(() => flows.signUpOrgUser(org, { email: 'dave@example.com', password: PASSWORD })))
    expect(results).toEqual([{ ok: true }, { ok: true }])
    expect(await (await getPrisma()).orgUser.count({ where: { orgId: org.id } })).toBe(1)
    // the loser of the race either replaced the pending sign-up (a second verify) or hit the unique email (an attempt notice)
    expect(['signup_attempt,verify', 'verify,verify']).toContain(
      (await outbox(org.id))
        .map((row) => row.kind)
        .sort()
        .join(','),
    )
  })

  it('keeps emails unique per organization, but lets the same address sign up in two organizations', async () => {
    const other = await createOrg()
    await flows.signUpOrgUser(org, { email: 'erin@example.com', password: PASSWORD })
    await flows.signUpOrgUser(other, { email: 'erin@example.com', password: PASSWORD })
    expect((await outbox(org.id)).map((row) => row.kind)).toEqual(['verify'])
    expect((await outbox(other.id)).map((row) => row.kind)).toEqual(['verify'])
    expect((await findUser(org.id, 'erin@example.com')).id).not.toBe((await findUser(other.id, 'erin@example.com')).id)
  })
})

describe('verifyOrgUserEmail', () => {
  it('never keeps a password the verifier does not know: an attacker’s sign-up of your address does not survive your click', async () => {
    await flows.signUpOrgUser(org, { email: 'target@example.com', password: 'attacker password 1' })
    const token = await tokenFromMail(org.id, 'verify')
    // the address's owner clicks Verify email in the unsolicited mail, with the password they would choose
    expect(await flows.verifyOrgUserEmail(org, token, { password: PASSWORD })).toEqual({ ok: false, reason: 'wrong-password' })
    const user = await findUser(org.id, 'target@example.com')
    expect(user.emailVerifiedAt).toBeNull()
    expect(await flows.isVerifyLinkUsable(org, token)).toBe(true)
    // the owner resets instead: the reset link proves the address, and the attacker's password no longer matches
    await flows.requestRecovery(org, { email: 'target@example.com' })
    expect(await flows.resetPassword(org, await tokenFromMail(org.id, 'reset'), { password: PASSWORD })).toEqual({ ok: true })
    const reset = await findUser(org.id, 'target@example.com')
    expect(reset.emailVerifiedAt).toBeInstanceOf(Date)
    expect(await verifyPassword({ hash: reset.passwordHash, password: 'attacker password 1' })).toBe(false)
  })

  it('only checks a link on isVerifyLinkUsable (the GET of the page), however often: the POST verifies', async () => {
    await flows.signUpOrgUser(org, { email: 'scanned@example.com', password: PASSWORD })
    const token = await tokenFromMail(org.id, 'verify')
    for (let count = 0; count < 3; count++) expect(await flows.isVerifyLinkUsable(org, token)).toBe(true)
    expect((await findUser(org.id, 'scanned@example.com')).emailVerifiedAt).toBeNull()
    expect(await flows.verifyOrgUserEmail(org, token, { password: PASSWORD })).toEqual({ ok: true })
    expect(await flows.isVerifyLinkUsable(org, token)).toBe(false)
  })

  it('verifies once, then refuses the used link', async () => {
    await flows.signUpOrgUser(org, { email: 'frank@example.com', password: PASSWORD })
    const token = await tokenFromMail(org.id, 'verify')
    expect(await flows.verifyOrgUserEmail(org, token, { password: PASSWORD })).toEqual({ ok: true })
    expect((await findUser(org.id, 'frank@example.com')).emailVerifiedAt).toBeInstanceOf(Date)
    expect(await flows.verifyOrgUserEmail(org, token, { password: PASSWORD })).toEqual({ ok: false, reason: 'invalid-link' })
  })

  it('lets exactly one of two simultaneous uses of a link win', async () => {
    await flows.signUpOrgUser(org, { email: 'gina@example.com', password: PASSWORD })
    const token = await tokenFromMail(org.id, 'verify')
    const results = await Promise.all([
      flows.verifyOrgUserEmail(org, token, { password: PASSWORD }),
      flows.verifyOrgUserEmail(org, token, { password: PASSWORD }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
  })

  it('refuses expired, unknown and other organizations’ links', async () => {
    await flows.signUpOrgUser(org, { email: 'hank@example.com', password: PASSWORD })
    const token = await tokenFromMail(org.id, 'verify')
    const other = await createOrg()
    expect(await flows.verifyOrgUserEmail(other, token, { password: PASSWORD })).toMatchObject({ ok: false })
    expect(await flows.verifyOrgUserEmail(org, randomBytes(32).toString('base64url'), { password: PASSWORD })).toMatchObject({ ok: false })
    await (await getPrisma()).orgUserToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await flows.verifyOrgUserEmail(org, token, { password: PASSWORD })).toMatchObject({ ok: false })
    expect((await findUser(org.id, 'hank@example.com')).emailVerifiedAt).toBeNull()
  })
})

describe('requestRecovery and resetPassword', () => {
  const NEW_PASSWORD = 'a brand new passphrase'

  async function signedUp(email: string) {
    await flows.signUpOrgUser(org, { email, password: PASSWORD })
    return findUser(org.id, email)
  }

  it('answers an unknown address identically and queues nothing', async () => {
    const user = await signedUp('ivy@example.com')
    const known = await flows.requestRecovery(org, { email: 'IVY@example.com ' })
    const unknown = await flows.requestRecovery(org, { email: 'nobody@example.com' })
    expect(unknown).toEqual(known)
    const resets = (await outbox(org.id)).filter((row) => row.kind === 'reset')
    expect(resets.map((row) => row.toAddress)).toEqual(['ivy@example.com'])
    expect(resets[0]!.text).toContain(`${env.APP_URL}/t/${org.slug}/reset?token=`)
    const token = await (await getPrisma()).orgUserToken.findFirstOrThrow({ where: { orgUserId: user.id, purpose: 'reset' } })
    const minutesLeft = (token.expiresAt.getTime() - Date.now()) / 60_000
    expect(minutesLeft).toBeGreaterThan(59)
    expect(minutesLeft).toBeLessThanOrEqual(60)
  })

  it('resets the password once with a link, which then stops working', async () => {
    await signedUp('jack@example.com')
    await flows.requestRecovery(org, { email: 'jack@example.com' })
    const token = await tokenFromMail(org.id, 'reset')
    expect(await flows.isResetLinkUsable(org, token)).toBe(true)
    expect(await flows.resetPassword(org, token, { password: NEW_PASSWORD })).toEqual({ ok: true })
    const user = await findUser(org.id, 'jack@example.com')
    expect(await verifyPassword({ hash: user.passwordHash, password: NEW_PASSWORD })).toBe(true)
    expect(await verifyPassword({ hash: user.passwordHash, password: PASSWORD })).toBe(false)
    // Following the emailed link proved the address works.
    expect(user.emailVerifiedAt).toBeInstanceOf(Date)
    expect(await flows.isResetLinkUsable(org, token)).toBe(false)
    expect(await flows.resetPassword(org, token, { password: 'yet another password' })).toEqual({ ok: false, reason: 'invalid-link' })
    const after = await findUser(org.id, 'jack@example.com')
    expect(after.passwordHash).toBe(user.passwordHash)
  })

  it('invalidates the earlier link when recovery is requested again', async () => {
    await signedUp('kate@example.com')
    await flows.requestRecovery(org, { email: 'kate@example.com' })
    const oldToken = await tokenFromMail(org.id, 'reset')
    await flows.requestRecovery(org, { email: 'kate@example.com' })
    const newToken = await tokenFromMail(org.id, 'reset')
    expect(newToken).not.toBe(oldToken)
    expect(await flows.isResetLinkUsable(org, oldToken)).toBe(false)
    expect(await flows.resetPassword(org, oldToken, { password: NEW_PASSWORD })).toMatchObject({ ok: false })
    expect(await flows.resetPassword(org, newToken, { password: NEW_PASSWORD })).toEqual({ ok: true })
  })

  it('revokes every other outstanding reset link of the user on success', async () => {
    const user = await signedUp('liam@example.com')
    await flows.requestRecovery(org, { email: 'liam@example.com' })
    const token = await tokenFromMail(org.id, 'reset')
    const prisma = await getPrisma()
    // A second live link (as a concurrent request could leave behind).
    const spare = randomBytes(32).toString('base64url')
    await prisma.orgUserToken.create({ data: { orgUserId: user.id, purpose: 'reset', tokenHash: hashToken(spare), expiresAt: new Date(Date.now() + 60_000) } })
    expect(await flows.resetPassword(org, token, { password: NEW_PASSWORD })).toEqual({ ok: true })
    expect(await prisma.orgUserToken.count({ where: { orgUserId: user.id, purpose: 'reset', usedAt: null } })).toBe(0)
    expect(await flows.isResetLinkUsable(org, spare)).toBe(false)
  })

  it('refuses expired, verification and other organizations’ links', async () => {
    await signedUp('mia@example.com')
    const verifyToken = await tokenFromMail(org.id, 'verify')
    expect(await flows.resetPassword(org, verifyToken, { password: NEW_PASSWORD })).toMatchObject({ ok: false })
    await flows.requestRecovery(org, { email: 'mia@example.com' })
    const token = await tokenFromMail(org.id, 'reset')
    expect(await flows.resetPassword(await createOrg(), token, { password: NEW_PASSWORD })).toMatchObject({ ok: false })
    await (await getPrisma()).orgUserToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await flows.isResetLinkUsable(org, token)).toBe(false)
    expect(await flows.resetPassword(org, token, { password: NEW_PASSWORD })).toMatchObject({ ok: false })
    expect(await verifyPassword({ hash: (await findUser(org.id, 'mia@example.com')).passwordHash, password: PASSWORD })).toBe(true)
  })
})

describe('malformed slugs', () => {
  it.each(['acme\u0000', 'a'.repeat(5000), 'Acme', '../acme', '', 'acme%00'])('are refused before any query: %j', async (slug) => {
    await expect(findPublicOrg(slug)).resolves.toBeNull()
    await expect(findOrgAccess('no-such-user', slug)).resolves.toBeNull()
  })

  it('still finds a real organization', async () => {
    expect(await findPublicOrg(org.slug)).toEqual({ ...org, displayName: org.name })
  })
})

describe('findPublicOrg display name', () => {
  const provider = (displayName: string | null) => ({ orgId: org.id, host: 'localhost', port: 25, fromAddress: 'no-reply@acme.test', displayName })

  it("is the custom provider's Display Name when set", async () => {
    await (await getPrisma()).emailProviderSettings.create({ data: provider('Acme Accounts') })
    expect(await findPublicOrg(org.slug)).toMatchObject({ name: org.name, displayName: 'Acme Accounts' })
  })

  it('is the organization name when the provider has none', async () => {
    await (await getPrisma()).emailProviderSettings.create({ data: provider(null) })
    expect(await findPublicOrg(org.slug)).toMatchObject({ displayName: org.name })
  })
})
