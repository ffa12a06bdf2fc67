// Issue 25, M2: a key never acts beyond its creator's current role. Removed or gone, the creator's keys are revoked;
// demoted to Viewer, they may only read. Both are in Recent changes, and owners are told; a key whose creator lost the
// membership some other way is refused all the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEmailProvider, putEmailProvider } from '@/lib/management-api/server/email-provider'
import { listApiKeys } from '@/lib/api-keys/server/store'
import { listRecentAudit } from '@/lib/audit/server/store'
import { getProviderView } from '@/lib/email-provider/server/store'
import * as members from '@/lib/members/server/service'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { call, newApiKey } from '../support/api-fixtures'
import { createTeam } from '../support/members-fixtures'

const PATH = '/api/v1/email-provider'
const ATTACKER_SERVER = {
  preset: 'custom',
  host: 'smtp.attacker.example',
  port: 587,
  security: 'auto',
  authKind: 'password',
  username: 'x',
  password: 'attacker password ✓',
  fromAddress: 'no-reply@attacker.example',
}

beforeAll(async () => {
  await getPrisma()
})
afterAll(() => closeDatabase())

const put = (key: string) => call(putEmailProvider, 'PUT', PATH, { key, body: ATTACKER_SERVER, headers: { 'If-Match': '0' } })

async function ownerNotices(orgId: string) {
  return (await getPrisma()).outboxMessage.findMany({ where: { orgId, kind: 'owner_notice' }, select: { toAddress: true, subject: true, text: true } })
}

describe('API keys and their creator', () => {
  it('an admin removed: their key gets 401 and the provider is unchanged; revoked in Recent changes, owners told', async () => {
    const team = await createTeam()
    const { key, prefix } = await newApiKey(team.org.id, team.admin, 'read_write', 'leaver-key')
    expect(await members.removeMember(team.org, team.owner, team.admin.id)).toEqual({ ok: true })

    expect((await put(key)).status).toBe(401)
    expect((await getProviderView(team.org.id)).provider).toBeNull()
    expect((await listApiKeys(team.org.id)).find((row) => row.prefix === prefix)).toMatchObject({
      createdByEmail: team.admin.email,
      revokedAt: expect.any(Date),
    })
    const audit = await listRecentAudit(team.org.id, 20, ['api_key_revoke'])
    expect(audit[0]?.details).toMatchObject({ name: 'leaver-key', prefix, reason: `its creator ${team.admin.email} is no longer a member` })
    const notices = (await ownerNotices(team.org.id)).filter((notice) => notice.subject.includes('were revoked'))
    expect(notices.map((notice) => notice.toAddress)).toEqual([team.owner.email])
    expect(notices[0]!.text).toContain(`leaver-key (${prefix}…)`)
    expect(notices[0]!.text).not.toContain(key)
  })

  it('an admin who leaves: the same', async () => {
    const team = await createTeam()
    const { key } = await newApiKey(team.org.id, team.admin, 'read_write')
    expect(await members.leaveOrganization(team.org, team.admin)).toEqual({ ok: true })
    expect((await put(key)).status).toBe(401)
    expect((await getProviderView(team.org.id)).provider).toBeNull()
  })

  it('an admin demoted to Viewer: their key only reads from then on; limited in Recent changes, owners told', async () => {
    const team = await createTeam()
    const { key, prefix } = await newApiKey(team.org.id, team.admin, 'read_write', 'demoted-key')
    expect(await members.changeMemberRole(team.org, team.owner, { userId: team.admin.id, role: 'viewer' })).toEqual({ ok: true })

    expect((await put(key)).status).toBe(403)
    expect((await getProviderView(team.org.id)).provider).toBeNull()
    expect((await call(getEmailProvider, 'GET', PATH, { key })).status).toBe(200)
    expect((await listApiKeys(team.org.id)).find((row) => row.prefix === prefix)).toMatchObject({ access: 'read_only', revokedAt: null })
    const audit = await listRecentAudit(team.org.id, 20, ['api_key_limit'])
    expect(audit[0]?.details).toMatchObject({ name: 'demoted-key', reason: `its creator ${team.admin.email} is now a Viewer` })
    expect((await ownerNotices(team.org.id)).filter((notice) => notice.subject.includes('limited to read only')).map((notice) => notice.toAddress)).toEqual([
      team.owner.email,
    ])
  })

  it('a key whose creator is no longer a member (or is a Viewer) by any other path still never acts beyond them', async () => {
    const team = await createTeam()
    const prisma = await getPrisma()
    const writer = await newApiKey(team.org.id, team.admin, 'read_write')
    await prisma.membership.update({ where: { orgId_userId: { orgId: team.org.id, userId: team.admin.id } }, data: { role: 'viewer' } })
    expect((await put(writer.key)).status).toBe(403)
    await prisma.membership.delete({ where: { orgId_userId: { orgId: team.org.id, userId: team.admin.id } } })
    expect((await call(getEmailProvider, 'GET', PATH, { key: writer.key })).status).toBe(401)
    expect((await getProviderView(team.org.id)).provider).toBeNull()
  })
})
