// Who may do what (lib/members/roles.ts, lib/members/server/service.ts, lib/auth/server/action-access.ts): every role ×
// every action, on the run's database. The members services check the actor's role themselves (inside their
// transaction); the Email Provider's actions check with authorizeAdmin before they call their services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { authorizeAdmin } from '@/lib/auth/server/action-access'
import type { AuditAction } from '@/lib/enums'
import { PERMISSIONS } from '@/lib/members/roles'
import * as service from '@/lib/members/server/service'
import { createAdmin, setMembership, uniqueTag } from '../support/data-fixtures'
import { createTeam, roleOf, type TTeam, type TTestActor } from '../support/members-fixtures'

beforeAll(async () => {
  await getPrisma()
})
afterAll(() => closeDatabase())

type TWho = 'owner' | 'admin' | 'viewer' | 'outsider'
const EVERYONE: TWho[] = ['owner', 'admin', 'viewer', 'outsider']

// The table, written out independently of lib/members/roles.ts.
const ALLOWED: Record<string, TWho[]> = {
  'invite member': ['owner', 'admin'],
  'resend invitation': ['owner', 'admin'],
  'revoke invitation': ['owner', 'admin'],
  'change role': ['owner'],
  'remove member': ['owner'],
  'transfer ownership': ['owner'],
  leave: ['admin', 'viewer'], // the only owner may not leave (below: with a second owner they may)
}

type TCase = (team: TTeam, actor: TTestActor) => Promise<{ ok: boolean; code?: string }>

async function pendingInvitation(team: TTeam) {
  const result = await service.inviteMember(team.org, team.owner, { email: `pending-${uniqueTag()}@example.test`, role: 'viewer' })
  if (!result.ok) throw new Error(result.code)
  return result.invitationId
}

async function extraViewer(team: TTeam) {
  const viewer = await createAdmin(await getPrisma(), 'target')
  await setMembership(await getPrisma(), team.org.id, viewer.id, 'viewer')
  return viewer
}

const CASES: Record<string, TCase> = {
  'invite member': (team, actor) => service.inviteMember(team.org, actor, { email: `new-${uniqueTag()}@example.test`, role: 'admin' }),
  'resend invitation': async (team, actor) => service.resendInvitation(team.org, actor, await pendingInvitation(team)),
  'revoke invitation': async (team, actor) => service.revokeInvitation(team.org, actor, await pendingInvitation(team)),
  'change role': async (team, actor) => service.changeMemberRole(team.org, actor, { userId: (await extraViewer(team)).id, role: 'admin' }),
  'remove member': async (team, actor) => service.removeMember(team.org, actor, (await extraViewer(team)).id),
  'transfer ownership': async (team, actor) => service.transferOwnership(team.org, actor, (await extraViewer(team)).id),
  leave: (team, actor) => service.leaveOrganization(team.org, actor),
}

const AUDITED: Record<string, AuditAction> = {
  'invite member': 'member_invite',
  'resend invitation': 'member_invite_resend',
  'revoke invitation': 'member_invite_revoke',
  'change role': 'member_role_change',
  'remove member': 'member_remove',
  'transfer ownership': 'member_transfer',
  leave: 'member_leave',
}

/** What the actor did, as the audit trail says (the owner's setup invitation for Resend and Revoke left out). */
async function entriesBy(orgId: string, actorId: string, action: string) {
  const entries = await (await getPrisma()).auditEntry.findMany({ where: { orgId, actorId }, select: { action: true } })
  return entries.filter((entry) => action === 'invite member' || entry.action !== 'member_invite')
}

describe('members actions, as each role', () => {
  const pairs = Object.keys(CASES).flatMap((action) => EVERYONE.map((who) => [action, who] as const))
  it.each(pairs)('%s as %s', async (action, who) => {
    const team = await createTeam()
    const actor = team[who]
    const result = await CASES[action]!(team, actor)
    if (ALLOWED[action]!.includes(who)) {
      expect(result).toMatchObject({ ok: true })
      expect(await entriesBy(team.org.id, actor.id, action)).toEqual([{ action: AUDITED[action] }])
    } else {
      expect(result).toEqual({ ok: false, code: who === 'owner' && action === 'leave' ? 'last-owner' : 'forbidden' })
      expect(await entriesBy(team.org.id, actor.id, action)).toEqual([])
    }
  })
})

describe('Email Provider actions, as each role', () => {
  // Update, Send test email, Revert and Check DNS all pass PERMISSIONS['edit-provider'] to authorizeOrgAction.
  const EDIT: TWho[] = ['owner', 'admin']
  it.each(EVERYONE)('Update, Send test email, Revert, Check DNS as %s', async (who) => {
    const team = await createTeam()
    const granted = await authorizeAdmin({ ...team[who], name: who, emailVerified: true }, team.org.slug, PERMISSIONS['edit-provider'])
    expect(granted.ok).toBe(EDIT.includes(who))
    if (!granted.ok) expect(granted.message).toMatch(/do not have permission/)
  })

  it.each(EVERYONE)('viewing the page (read-only for viewers) as %s', async (who) => {
    const team = await createTeam()
    const granted = await authorizeAdmin({ ...team[who], name: who, emailVerified: true }, team.org.slug, PERMISSIONS.view)
    expect(granted.ok).toBe(who !== 'outsider')
  })
})

describe('the last owner', () => {
  it('cannot be demoted or removed, and cannot leave, until another member owns the organization', async () => {
    const team = await createTeam()
    expect(await service.changeMemberRole(team.org, team.owner, { userId: team.owner.id, role: 'admin' })).toEqual({ ok: false, code: 'last-owner' })
    expect(await service.leaveOrganization(team.org, team.owner)).toEqual({ ok: false, code: 'last-owner' })
    expect(await service.removeMember(team.org, team.owner, team.owner.id)).toEqual({ ok: false, code: 'self' })
    expect(await roleOf(team.org.id, team.owner.id)).toBe('owner')

    expect(await service.changeMemberRole(team.org, team.owner, { userId: team.admin.id, role: 'owner' })).toEqual({ ok: true })
    expect(await service.changeMemberRole(team.org, team.owner, { userId: team.owner.id, role: 'viewer' })).toEqual({ ok: true })
    expect(await roleOf(team.org.id, team.owner.id)).toBe('viewer')
    // the new (now only) owner is protected the same way
    expect(await service.removeMember(team.org, team.owner, team.admin.id)).toEqual({ ok: false, code: 'forbidden' })
    expect(await service.leaveOrganization(team.org, team.admin)).toEqual({ ok: false, code: 'last-owner' })
  })

  it('may leave when another owner remains', async () => {
    const team = await createTeam()
    await setMembership(await getPrisma(), team.org.id, team.admin.id, 'owner')
    expect(await service.leaveOrganization(team.org, team.owner)).toEqual({ ok: true })
    expect(await roleOf(team.org.id, team.owner.id)).toBeNull()
  })

  it('two owners demoting each other at once leave exactly one owner', async () => {
    const team = await createTeam()
    await setMembership(await getPrisma(), team.org.id, team.admin.id, 'owner')
    const results = await Promise.all([
      service.changeMemberRole(team.org, team.owner, { userId: team.admin.id, role: 'viewer' }),
      service.changeMemberRole(team.org, team.admin, { userId: team.owner.id, role: 'viewer' }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(await (await getPrisma()).membership.count({ where: { orgId: team.org.id, role: 'owner' } })).toBe(1)
  })
})

describe('transferring ownership', () => {
  it('makes the member an owner and the previous owner an Admin, and records it', async () => {
    const team = await createTeam()
    expect(await service.transferOwnership(team.org, team.owner, team.viewer.id)).toEqual({ ok: true })
    expect(await roleOf(team.org.id, team.viewer.id)).toBe('owner')
    expect(await roleOf(team.org.id, team.owner.id)).toBe('admin')
    const entry = await (await getPrisma()).auditEntry.findFirstOrThrow({ where: { orgId: team.org.id, action: 'member_transfer' } })
    expect(entry).toMatchObject({ actorEmail: team.owner.email, details: { email: team.viewer.email, from: 'viewer' } })
    // the previous owner now manages nothing
    expect(await service.removeMember(team.org, team.owner, team.admin.id)).toEqual({ ok: false, code: 'forbidden' })
  })

  it('refuses someone who is not a member', async () => {
    const team = await createTeam()
    expect(await service.transferOwnership(team.org, team.owner, team.outsider.id)).toEqual({ ok: false, code: 'not-found' })
    expect(await roleOf(team.org.id, team.owner.id)).toBe('owner')
  })
})

describe('deleting the organization', () => {
  it('is for owners only, and takes everything in the organization with it', async () => {
    const team = await createTeam()
    for (const actor of [team.admin, team.viewer, team.outsider]) {
      expect(await service.deleteOrganization(team.org, actor)).toEqual({ ok: false, code: 'forbidden' })
    }
    const prisma = await getPrisma()
    expect(await prisma.organization.count({ where: { id: team.org.id } })).toBe(1)

    expect(await service.deleteOrganization(team.org, team.owner)).toEqual({ ok: true })
    expect(await prisma.organization.count({ where: { id: team.org.id } })).toBe(0)
    expect(await prisma.membership.count({ where: { orgId: team.org.id } })).toBe(0)
    expect(await prisma.auditEntry.count({ where: { orgId: team.org.id } })).toBe(0)
  })
})
