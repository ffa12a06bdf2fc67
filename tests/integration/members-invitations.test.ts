// Invitations (lib/members/server/{service,accept,store,tokens}.ts) on the run's database: hashed at rest, 7 days,
// single use, refused for another address; accepting with a new password creates a real Better Auth account; the
// invitation email goes through the platform's default provider, never the organization's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { env } from '@/lib/env'
import { getAuth } from '@/lib/auth/server/auth'
import { acceptInvitation, acceptInvitationWithPassword, previewInvitation } from '@/lib/members/server/accept'
import * as service from '@/lib/members/server/service'
import { listPendingInvitations } from '@/lib/members/server/store'
import { hashToken, INVITATION_TTL_MS } from '@/lib/members/server/tokens'
import { createDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { CAPTURE_LABEL } from '@/lib/delivery/server/worker/sending-provider'
import { closeAllTransports } from '@/lib/mail/server/transport-cache'
import { uniqueTag } from '../support/data-fixtures'
import { createTeam, invitationTokenFor, roleOf } from '../support/members-fixtures'
import { enqueueMany, pointOrgAt } from '../support/outbox-fixtures'
import { startSmtpServer } from '../support/smtp-server'
import { waitUntil } from '../support/wait-until'

beforeAll(async () => {
  await getPrisma()
})
afterAll(() => closeDatabase())

const newAddress = () => `invitee-${uniqueTag()}@example.test`

async function invited(role: 'admin' | 'viewer' = 'viewer') {
  const team = await createTeam()
  const email = newAddress()
  const result = await service.inviteMember(team.org, team.admin, { email, role })
  expect(result).toMatchObject({ ok: true })
  return { team, email, token: await invitationTokenFor(team.org.id, email) }
}

async function invitationRow(orgId: string, email: string) {
  return (await getPrisma()).invitation.findUniqueOrThrow({ where: { orgId_email: { orgId, email } } })
}

describe('inviting', () => {
  it('stores only the hash of the link, which is built from APP_URL and expires in 7 days', async () => {
    const before = Date.now()
    const { team, email, token } = await invited('admin')
    const row = await invitationRow(team.org.id, email)
    expect(row.tokenHash).toBe(hashToken(token))
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITATION_TTL_MS)
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(INVITATION_TTL_MS)
    const message = await (await getPrisma()).outboxMessage.findFirstOrThrow({ where: { orgId: team.org.id, kind: 'invitation' } })
    expect(message.toAddress).toBe(email)
    expect(message.text).toContain(`${env.APP_URL}/invite/${token}`)
    expect(message.text).toContain(`${team.admin.email} invited you to join ${team.org.name}`)
    expect(message.text).toContain('as Admin')
    const audit = await (await getPrisma()).auditEntry.findFirstOrThrow({ where: { orgId: team.org.id, action: 'member_invite' } })
    expect(audit).toMatchObject({ actorEmail: team.admin.email, details: { email, role: 'admin' } })
    expect(JSON.stringify(audit.details)).not.toContain(token)
  })

  it('refuses a member, and a second pending invitation to the same address; after Revoke the address may be invited again', async () => {
    const { team, email } = await invited()
    expect(await service.inviteMember(team.org, team.owner, { email: team.viewer.email, role: 'admin' })).toEqual({
      ok: false,
      code: 'already-member',
      field: 'email',
    })
    expect(await service.inviteMember(team.org, team.owner, { email: email.toUpperCase(), role: 'admin' })).toEqual({
      ok: false,
      code: 'already-invited',
      field: 'email',
    })
    const row = await invitationRow(team.org.id, email)
    expect(await service.revokeInvitation(team.org, team.owner, row.id)).toEqual({ ok: true })
    expect(await service.inviteMember(team.org, team.owner, { email, role: 'admin' })).toMatchObject({ ok: true })
  })
})

describe('accepting while signed in', () => {
  it('joins with the invited role once: the same link then counts as used', async () => {
    const { team, email, token } = await invited('admin')
    const prisma = await getPrisma()
    const user = await prisma.user.create({ data: { id: `u-${uniqueTag()}`, name: 'invitee', email }, select: { id: true, email: true } })
    expect(await previewInvitation(token)).toMatchObject({ status: 'usable', email, role: 'admin', hasAccount: true, org: { slug: team.org.slug } })
    expect(await acceptInvitation(token, user)).toEqual({ ok: true, slug: team.org.slug })
    expect(await roleOf(team.org.id, user.id)).toBe('admin')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(true)
    expect(await prisma.auditEntry.findFirst({ where: { orgId: team.org.id, action: 'member_join', actorId: user.id } })).toMatchObject({
      details: { email, role: 'admin' },
    })
    // reuse
    expect(await acceptInvitation(token, user)).toEqual({ ok: false, code: 'used' })
    expect(await previewInvitation(token)).toEqual({ status: 'used' })
    expect(await listPendingInvitations(team.org.id)).toEqual([])
  })

  it('refuses an admin signed in with another address, and leaves the invitation usable', async () => {
    const { team, token } = await invited()
    expect(await acceptInvitation(token, team.outsider)).toEqual({ ok: false, code: 'wrong-address' })
    expect(await roleOf(team.org.id, team.outsider.id)).toBeNull()
    expect(await previewInvitation(token)).toMatchObject({ status: 'usable' })
  })

  it('of two simultaneous accepts, exactly one joins', async () => {
    const { team, email, token } = await invited()
    const user = await (await getPrisma()).user.create({ data: { id: `u-${uniqueTag()}`, name: 'invitee', email }, select: { id: true, email: true } })
    const results = await Promise.all([acceptInvitation(token, user), acceptInvitation(token, user)])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, code: 'used' }])
    expect(await roleOf(team.org.id, user.id)).toBe('viewer')
  })
})

describe('expiry, Revoke and Resend', () => {
  it('an invitation past its 7 days is refused, and so is an unknown link', async () => {
    const { team, email, token } = await invited()
    await (await getPrisma()).invitation.update({ where: { orgId_email: { orgId: team.org.id, email } }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await previewInvitation(token)).toEqual({ status: 'expired' })
    expect(await acceptInvitationWithPassword(token, 'a long enough password')).toEqual({ ok: false, code: 'expired' })
    expect(await (await getPrisma()).user.findUnique({ where: { email } })).toBeNull()
    expect(await previewInvitation(`${token.slice(0, -2)}xx`)).toEqual({ status: 'invalid-link' })
    // an expired invitation no longer blocks inviting the address again
    expect(await service.inviteMember(team.org, team.owner, { email, role: 'viewer' })).toMatchObject({ ok: true })
  })

  it('a revoked invitation no longer works', async () => {
    const { team, email, token } = await invited()
    await service.revokeInvitation(team.org, team.admin, (await invitationRow(team.org.id, email)).id)
    expect(await previewInvitation(token)).toEqual({ status: 'used' })
    expect(await acceptInvitation(token, { id: team.outsider.id, email })).toEqual({ ok: false, code: 'used' })
  })

  it('Resend sends a new link for another 7 days; the previous link stops working', async () => {
    const { team, email, token } = await invited()
    const row = await invitationRow(team.org.id, email)
    expect(await service.resendInvitation(team.org, team.owner, row.id)).toEqual({ ok: true })
    const fresh = await invitationTokenFor(team.org.id, email)
    expect(fresh).not.toBe(token)
    expect(await previewInvitation(token)).toEqual({ status: 'invalid-link' })
    expect(await previewInvitation(fresh)).toMatchObject({ status: 'usable' })
    expect((await invitationRow(team.org.id, email)).expiresAt.getTime()).toBeGreaterThanOrEqual(row.expiresAt.getTime())
  })
})

describe('accepting with a new password', () => {
  it('creates the account (verified, the password works) and joins', async () => {
    const { team, email, token } = await invited()
    const password = `correct horse ${uniqueTag()}`
    const result = await acceptInvitationWithPassword(token, password)
    expect(result).toEqual({ ok: true, slug: team.org.slug })
    const user = await (await getPrisma()).user.findUniqueOrThrow({ where: { email } })
    expect(user.emailVerified).toBe(true)
    expect(await roleOf(team.org.id, user.id)).toBe('viewer')
    const signedIn = await (await getAuth()).api.signInEmail({ body: { email, password } })
    expect(signedIn.user.id).toBe(user.id)
    expect(await acceptInvitationWithPassword(token, password)).toEqual({ ok: false, code: 'used' })
  })

  it('refuses when the address already has an account (that person signs in instead)', async () => {
    const { team, email, token } = await invited()
    await (await getPrisma()).user.create({ data: { id: `u-${uniqueTag()}`, name: 'invitee', email } })
    expect(await acceptInvitationWithPassword(token, 'a long enough password')).toEqual({ ok: false, code: 'account-exists' })
    expect(await previewInvitation(token)).toMatchObject({ status: 'usable', hasAccount: true })
    expect(await roleOf(team.org.id, team.outsider.id)).toBeNull()
  })
})

describe('delivery', () => {
  it("goes through the platform's default provider even when the organization has its own (its users' emails do not)", async () => {
    const server = await startSmtpServer('starttls-auth')
    const worker = createDeliveryWorker(getPrisma)
    try {
      const team = await createTeam()
      await pointOrgAt(team.org.id, server.port)
      const email = newAddress()
      await service.inviteMember(team.org, team.owner, { email, role: 'viewer' })
      await enqueueMany(team.org.id, 1, 'org-user')
      const prisma = await getPrisma()
      const row = () => prisma.outboxMessage.findFirstOrThrow({ where: { orgId: team.org.id, kind: 'invitation' } })
      await waitUntil(async () => (await row()).status !== 'queued' && (await row()).status !== 'sending')
      // no DEFAULT_SMTP_URL in the tests: the platform's default is capture; the org's own server got nothing
      expect(env.DEFAULT_SMTP_URL).toBeUndefined()
      expect(await row()).toMatchObject({ status: 'captured', provider: CAPTURE_LABEL })
      const [received] = await server.waitForMessages(1)
      expect(received!.rcptTo).toEqual(['org-user-0@users.test'])
      expect(server.received).toHaveLength(1)
    } finally {
      await worker.stop()
      closeAllTransports()
      await server.close()
    }
  })
})
