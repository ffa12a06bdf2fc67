// Require two-factor authentication (lib/members/server/require-two-factor.ts, lib/orgs/server/store.ts findOrgAccess,
// lib/auth/server/action-access.ts): only owners change it, an owner turns it on only with two-factor on themselves,
// each change is audited; then every Server Action of the organization (authorizeAdmin, behind authorizeOrgAction)
// refuses a member without two-factor, while the organization's Management API keys work as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { authorizeAdmin } from '@/lib/auth/server/action-access'
import { authenticateApiKey } from '@/lib/api-keys/server/authenticate'
import { createApiKey } from '@/lib/api-keys/server/store'
import { ROLES } from '@/lib/members/roles'
import { setRequireTwoFactor } from '@/lib/members/server/require-two-factor'
import { findOrgAccess } from '@/lib/orgs/server/store'
import { createTeam, type TTestActor } from '../support/members-fixtures'

beforeAll(async () => {
  await getPrisma()
})
afterAll(() => closeDatabase())

async function setTwoFactor(user: TTestActor, isOn: boolean) {
  await (await getPrisma()).user.update({ where: { id: user.id }, data: { twoFactorEnabled: isOn } })
}

const asAdmin = (user: TTestActor) => ({ ...user, name: 'member', emailVerified: true })

async function auditOf(orgId: string) {
  const rows = await (await getPrisma()).auditEntry.findMany({ where: { orgId, action: 'org_require_two_factor' }, orderBy: { createdAt: 'asc' } })
  return rows.map((row) => ({ actorEmail: row.actorEmail, details: row.details }))
}

describe('Require two-factor authentication: the setting', () => {
  it('is off by default; owners only change it, and only with two-factor on themselves', async () => {
    const team = await createTeam()
    expect((await findOrgAccess(team.owner.id, team.org.slug))?.twoFactor).toEqual({ isRequired: false, isOn: false })
    expect(await setRequireTwoFactor(team.org, team.owner, { isRequired: true })).toEqual({ ok: false, code: 'two-factor-first', field: 'isRequired' })
    for (const who of [team.admin, team.viewer, team.outsider]) {
      await setTwoFactor(who, true)
      expect(await setRequireTwoFactor(team.org, who, { isRequired: true })).toEqual({ ok: false, code: 'forbidden' })
    }
    expect(await auditOf(team.org.id)).toEqual([])
    expect((await findOrgAccess(team.owner.id, team.org.slug))?.twoFactor.isRequired).toBe(false)

    await setTwoFactor(team.owner, true)
    expect(await setRequireTwoFactor(team.org, team.owner, { isRequired: true })).toEqual({ ok: true })
    expect((await findOrgAccess(team.owner.id, team.org.slug))?.twoFactor).toEqual({ isRequired: true, isOn: true })
    // saving the same value again changes nothing and records nothing
    expect(await setRequireTwoFactor(team.org, team.owner, { isRequired: true })).toEqual({ ok: true })
    expect(await setRequireTwoFactor(team.org, team.owner, { isRequired: false })).toEqual({ ok: true })
    expect(await auditOf(team.org.id)).toEqual([
      { actorEmail: team.owner.email, details: { isRequired: true } },
      { actorEmail: team.owner.email, details: { isRequired: false } },
    ])
  })
})

describe('Require two-factor authentication: enforcement', () => {
  it("refuses the organization's actions to members without two-factor, naming the organization; others pass", async () => {
    const team = await createTeam()
    await setTwoFactor(team.owner, true)
    for (const who of [team.owner, team.admin, team.viewer]) expect(await authorizeAdmin(asAdmin(who), team.org.slug, ROLES)).toMatchObject({ ok: true })
    expect(await setRequireTwoFactor(team.org, team.owner, { isRequired: true })).toEqual({ ok: true })

    const refusal = { ok: false, message: `${team.org.name} requires two-factor authentication. Turn it on under Account › Security, then try again.` }
    expect(await authorizeAdmin(asAdmin(team.admin), team.org.slug, ROLES)).toEqual(refusal)
    expect(await authorizeAdmin(asAdmin(team.viewer), team.org.slug, ROLES)).toEqual(refusal)
    expect(await authorizeAdmin(asAdmin(team.owner), team.org.slug, ROLES)).toMatchObject({ ok: true, role: 'owner' })
    // an outsider learns nothing about the setting
    expect(await authorizeAdmin(asAdmin(team.outsider), team.org.slug, ROLES)).toEqual({
      ok: false,
      message: 'You do not have permission to change this organization’s settings.',
    })

    await setTwoFactor(team.admin, true)
    expect(await authorizeAdmin(asAdmin(team.admin), team.org.slug, ROLES)).toMatchObject({ ok: true, role: 'admin' })
    // turning two-factor off again brings the refusal back
    await setTwoFactor(team.admin, false)
    expect(await authorizeAdmin(asAdmin(team.admin), team.org.slug, ROLES)).toEqual(refusal)
  })

  it("leaves the organization's Management API keys working, even one made by a member without two-factor", async () => {
    const team = await createTeam()
    const { key } = await createApiKey(team.org.id, team.admin, { name: 'deploy', access: 'read_write' })
    await setTwoFactor(team.owner, true)
    expect(await setRequireTwoFactor(team.org, team.owner, { isRequired: true })).toEqual({ ok: true })
    expect(await authenticateApiKey(`Bearer ${key}`)).toMatchObject({ org: { id: team.org.id } })
  })
})
