// Step-up for roles (issue 26): a role change and an ownership transfer need a sign-in within the last 10 minutes
// (lib/members/server/service.ts asks the session's check, lib/auth/server/recent-sign-in.ts), by a clock the test
// moves: after that both are refused with the step-up answer and change nothing; after Confirm it's you
// (guarded-step-up.ts), or with a fresh sign-in, both are made.
import { afterAll, describe, expect, it } from 'vitest'
import { getAuth } from '@/lib/auth/server/auth'
import { guardedStepUp } from '@/lib/auth/server/guarded-step-up'
import { RECENT_SIGN_IN_MS, recentSignInOf, type TClock, type TSessionRef } from '@/lib/auth/server/recent-sign-in'
import * as members from '@/lib/members/server/service'
import { createOrganizationWithOwner } from '@/lib/orgs/server/store'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { createAdmin, setMembership, uniqueTag } from '../support/data-fixtures'
import { roleOf } from '../support/members-fixtures'

afterAll(closeDatabase)

const PASSWORD = 'the members step-up password'
const STEP_UP_REQUIRED = { ok: false, code: 'step-up-required', isCodeRequired: false }

/** A clock that starts now and moves only when the test says so. */
function movableClock() {
  let offsetMs = 0
  const clock: TClock = () => new Date(Date.now() + offsetMs)
  return { clock, advance: (ms: number) => void (offsetMs += ms) }
}

/** A verified console admin, signed in (Better Auth), owner of a new organization with an Admin and a Viewer. */
async function signedInOwnerWithTeam(label: string) {
  const auth = await getAuth()
  const email = `${label}-${uniqueTag()}@example.test`
  const { user } = await auth.api.signUpEmail({ body: { email, password: PASSWORD, name: label } })
  const prisma = await getPrisma()
  await prisma.user.update({ where: { id: user.id }, data: { emailVerified: true } })
  const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`
  const signedIn = await auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true, headers: new Headers({ 'x-client-ip': ip }) })
  const cookies = new Headers({
    cookie: signedIn.headers
      .getSetCookie()
      .map((line) => line.split(';')[0]!)
      .join('; '),
    'x-client-ip': ip,
  })
  const current = await auth.api.getSession({ headers: cookies })
  if (!current) throw new Error('not signed in')
  const session: TSessionRef = { sessionId: current.session.id, userId: user.id, isTwoFactorOn: false }
  const org = await createOrganizationWithOwner(user.id, `Members step-up ${uniqueTag()}`)
  const admin = await createAdmin(prisma, 'stepup-admin')
  const viewer = await createAdmin(prisma, 'stepup-viewer')
  await setMembership(prisma, org.id, admin.id, 'admin')
  await setMembership(prisma, org.id, viewer.id, 'viewer')
  return { owner: { id: user.id, email }, org, cookies, session, admin, viewer }
}

async function roleAuditCount(orgId: string) {
  return (await getPrisma()).auditEntry.count({ where: { orgId, action: { in: ['member_role_change', 'member_transfer'] } } })
}

describe('step-up for roles and ownership', () => {
  it('more than 10 minutes after signing in, a role change and a transfer are refused and change nothing; after Confirm it’s you both are made', async () => {
    const team = await signedInOwnerWithTeam('roles-stepup')
    const { clock, advance } = movableClock()
    const check = recentSignInOf(team.session, clock)
    advance(RECENT_SIGN_IN_MS + 1_000)

    expect(await members.changeMemberRole(team.org, team.owner, { userId: team.viewer.id, role: 'admin' }, check)).toEqual(STEP_UP_REQUIRED)
    expect(await members.transferOwnership(team.org, team.owner, team.admin.id, check)).toEqual(STEP_UP_REQUIRED)
    expect(await roleOf(team.org.id, team.viewer.id)).toBe('viewer')
    expect(await roleOf(team.org.id, team.admin.id)).toBe('admin')
    expect(await roleOf(team.org.id, team.owner.id)).toBe('owner')
    expect(await roleAuditCount(team.org.id)).toBe(0)
    expect(await (await getPrisma()).outboxMessage.count({ where: { orgId: team.org.id } })).toBe(0) // no owner notice either

    // a wrong password renews nothing
    expect(await guardedStepUp(team.cookies, { password: 'not my password' }, clock)).toMatchObject({ ok: false })
    expect(await members.changeMemberRole(team.org, team.owner, { userId: team.viewer.id, role: 'admin' }, check)).toEqual(STEP_UP_REQUIRED)

    expect(await guardedStepUp(team.cookies, { password: PASSWORD }, clock)).toEqual({ ok: true })
    expect(await members.changeMemberRole(team.org, team.owner, { userId: team.viewer.id, role: 'admin' }, check)).toEqual({ ok: true })
    expect(await roleOf(team.org.id, team.viewer.id)).toBe('admin')
    expect(await members.transferOwnership(team.org, team.owner, team.admin.id, check)).toEqual({ ok: true })
    expect(await roleOf(team.org.id, team.admin.id)).toBe('owner')
    expect(await roleOf(team.org.id, team.owner.id)).toBe('admin')
    expect(await roleAuditCount(team.org.id)).toBe(2)
  })

  it('with a fresh sign-in both are made at once; the same session ages into the question again', async () => {
    const team = await signedInOwnerWithTeam('roles-fresh')
    const { clock, advance } = movableClock()
    const check = recentSignInOf(team.session, clock)
    advance(RECENT_SIGN_IN_MS - 5_000) // still within 10 minutes

    expect(await members.changeMemberRole(team.org, team.owner, { userId: team.viewer.id, role: 'admin' }, check)).toEqual({ ok: true })
    expect(await roleOf(team.org.id, team.viewer.id)).toBe('admin')
    advance(10_000)
    expect(await members.changeMemberRole(team.org, team.owner, { userId: team.viewer.id, role: 'viewer' }, check)).toEqual(STEP_UP_REQUIRED)
    expect(await roleOf(team.org.id, team.viewer.id)).toBe('admin')
    expect(await members.transferOwnership(team.org, team.owner, team.viewer.id, recentSignInOf(team.session))).toEqual({ ok: true })
    expect(await roleOf(team.org.id, team.viewer.id)).toBe('owner')
  })
})
