// A console admin's forgotten password (lib/auth/server/password-reset*.ts, Better Auth's reset flow): the emailed
// link is checked without being used, stored hashed, used once by the form's POST, and the reset signs every session
// out. An account never verified before its reset loses what it made (issue 25, L3).
import { afterAll, describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { getAuth } from '@/lib/auth/server/auth'
import { isAdminResetLinkUsable, requestAdminPasswordReset, resetAdminPassword } from '@/lib/auth/server/password-reset'
import { createOrganizationWithOwner } from '@/lib/orgs/server/store'
import { createApiKey } from '@/lib/api-keys/server/store'
import { listRecentDeliveries } from '@/lib/delivery/server/outbox/deliveries'
import { setMembership, uniqueTag } from '../support/data-fixtures'
import { outboxOf } from '../support/outbox-fixtures'

afterAll(closeDatabase)

const OLD_PASSWORD = 'the first password of all'
const NEW_PASSWORD = 'a brand new passphrase'

/** A real account (Better Auth's sign-up: password hashed), signed in once, with an organization of its own. */
async function signedUpAdmin(label: string, verified: boolean) {
  const auth = await getAuth()
  const email = `${label}-${uniqueTag()}@example.test`
  const { user } = await auth.api.signUpEmail({ body: { email, password: OLD_PASSWORD, name: label } })
  if (verified) await (await getPrisma()).user.update({ where: { id: user.id }, data: { emailVerified: true } })
  await auth.api.signInEmail({ body: { email, password: OLD_PASSWORD } })
  const org = await createOrganizationWithOwner(user.id, `${label} org ${uniqueTag()}`)
  return { user: { id: user.id, email }, org }
}

async function resetLinkOf(orgId: string) {
  const prefix = `${env.APP_URL}/reset-password?token=`
  const rows = (await outboxOf(orgId)).filter((row) => row.kind === 'admin_reset')
  return {
    rows,
    tokens: rows.map((row) =>
      row.text
        .split(/\s+/)
        .find((word) => word.startsWith(prefix))!
        .slice(prefix.length),
    ),
  }
}

const signsIn = async (email: string, password: string) =>
  (await getAuth()).api
    .signInEmail({ body: { email, password } })
    .then(() => true)
    .catch(() => false)

const sessionsOf = async (userId: string) => (await getPrisma()).session.count({ where: { userId } })

describe('Forgot password', () => {
  it('emails a link through the platform, stored hashed, that the page checks without using and the POST uses once', async () => {
    const { user, org } = await signedUpAdmin('forgetful', true)
    await requestAdminPasswordReset(user.email)
    const { rows, tokens } = await resetLinkOf(org.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ toAddress: user.email, subject: 'Reset your Mailgate password' })
    // the admin's own account, not the organization's email
    expect(await listRecentDeliveries(org.id)).toEqual([])
    const token = tokens[0]!
    const prisma = await getPrisma()
    expect(JSON.stringify(await prisma.verification.findMany({ where: { value: user.id } }))).not.toContain(token)

    expect(await isAdminResetLinkUsable(token)).toBe(true)
    expect(await isAdminResetLinkUsable(token)).toBe(true)
    expect(await sessionsOf(user.id)).toBe(1)
    expect(await resetAdminPassword(token, NEW_PASSWORD)).toBe(true)
    expect(await sessionsOf(user.id)).toBe(0)
    expect(await signsIn(user.email, OLD_PASSWORD)).toBe(false)
    expect(await signsIn(user.email, NEW_PASSWORD)).toBe(true)
    expect(await isAdminResetLinkUsable(token)).toBe(false)
    expect(await resetAdminPassword(token, 'yet another passphrase')).toBe(false)
    const audit = await prisma.auditEntry.findMany({ where: { orgId: org.id, action: 'admin_password_reset' } })
    expect(audit).toMatchObject([{ actorEmail: user.email, details: { email: user.email } }])
  })

  it('queues nothing for an unknown address, and a link past its hour is refused', async () => {
    const { user, org } = await signedUpAdmin('late', true)
    await requestAdminPasswordReset(`nobody-${uniqueTag()}@example.test`)
    await requestAdminPasswordReset(user.email)
    const { tokens } = await resetLinkOf(org.id)
    expect(tokens).toHaveLength(1)
    const prisma = await getPrisma()
    // the reset link is the account's only verification row; an hour later (its clock moved back rather than waited)
    const [row, ...others] = await prisma.verification.findMany({ where: { value: user.id } })
    expect(others).toEqual([])
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(59 * 60_000)
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000)
    await prisma.verification.update({ where: { id: row!.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await isAdminResetLinkUsable(tokens[0]!)).toBe(false)
    expect(await resetAdminPassword(tokens[0]!, NEW_PASSWORD)).toBe(false)
    expect(await signsIn(user.email, OLD_PASSWORD)).toBe(true)
  })

  it('takes a squatted address back: the squatter is signed out and loses its keys and the memberships it shares', async () => {
    const prisma = await getPrisma()
    const squatter = await signedUpAdmin('ceo', false)
    // a team that let the unverified squatter in as an Admin, who made a key there
    const team = await signedUpAdmin('team-owner', true)
    await setMembership(prisma, team.org.id, squatter.user.id, 'admin')
    await createApiKey(team.org.id, squatter.user, { name: 'squatter key', access: 'read_write' })
    await createApiKey(squatter.org.id, squatter.user, { name: 'own key', access: 'read_write' })

    const noticedBefore = (await prisma.outboxMessage.findMany({ where: { kind: 'owner_notice' }, select: { id: true } })).map((row) => row.id)
    await requestAdminPasswordReset(squatter.user.email)
    const { tokens } = await resetLinkOf(squatter.org.id)
    expect(await sessionsOf(squatter.user.id)).toBe(1)
    expect(await resetAdminPassword(tokens[0]!, NEW_PASSWORD)).toBe(true)

    expect(await sessionsOf(squatter.user.id)).toBe(0)
    // the organization it alone belongs to stays with the address's owner, without the keys
    expect(await prisma.membership.findMany({ where: { userId: squatter.user.id }, select: { orgId: true, role: true } })).toEqual([
      { orgId: squatter.org.id, role: 'owner' },
    ])
    expect(await prisma.apiKey.findMany({ where: { orgId: { in: [team.org.id, squatter.org.id] }, revokedAt: null } })).toEqual([])
    const recorded = await prisma.auditEntry.findMany({ where: { orgId: team.org.id }, orderBy: { createdAt: 'asc' } })
    expect(recorded.map((row) => row.action)).toEqual(expect.arrayContaining(['api_key_revoke', 'admin_password_reset']))
    expect(recorded.find((row) => row.action === 'admin_password_reset')?.details).toMatchObject({ reason: 'unverified-account', role: 'admin', leaves: true })
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: squatter.user.id } })
    expect(owner.emailVerified).toBe(true)
    expect(await signsIn(squatter.user.email, NEW_PASSWORD)).toBe(true)
    expect(await prisma.membership.count({ where: { orgId: team.org.id } })).toBe(1)
    // the team's owners are told it left and that its key stopped working; its own organization's owner is itself
    const notices = await prisma.outboxMessage.findMany({
      where: { kind: 'owner_notice', orgId: { in: [team.org.id, squatter.org.id] }, id: { notIn: noticedBefore } },
    })
    expect(notices.map((row) => [row.orgId, row.toAddress, row.subject]).sort()).toEqual(
      [
        [team.org.id, team.user.email, `A role in ${team.org.name} was changed`],
        [team.org.id, team.user.email, `API keys of ${team.org.name} were revoked: their creator is no longer a member`],
      ].sort(),
    )
    expect(notices.map((row) => row.text).join('\n')).toContain(`${squatter.user.email} is no longer a member (was Admin)`)
    expect(notices.map((row) => row.text).join('\n')).toContain('squatter key')
  })
})
