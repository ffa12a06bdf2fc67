// Owners are told (lib/owner-notices/server/): every change of where the organization's mail goes (Update of the
// target, Revert, the fallback switch), every API key created or revoked, every role changed, through the console's
// use cases and the Management API alike; queued in the change's transaction, to every owner, through the platform's
// default provider; what changed, who, when, from which network (a range), a link to Recent changes; never a secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey, revokeApiKey } from '@/lib/api-keys/server/store'
import { isPlatformEmail } from '@/lib/delivery/server/outbox/platform-emails'
import { revertEmailProvider, updateEmailProvider } from '@/lib/email-provider/server/service'
import { putEmailProvider } from '@/lib/management-api/server/email-provider'
import * as members from '@/lib/members/server/service'
import { prepareOwnerNotice, queueOwnerNotices } from '@/lib/owner-notices/server/notify'
import { closeDatabase, getPrisma } from '@/lib/server/db'
import { clientNetwork } from '@/lib/server/net/ip-bucket'
import { call, newApiKey } from '../support/api-fixtures'
import { createAdmin, providerForm, setMembership } from '../support/data-fixtures'
import { createTeam, type TTeam } from '../support/members-fixtures'

const PASSWORD = 'owner-notice secret – never in a notice ✓'

beforeAll(async () => {
  await getPrisma()
})
afterAll(() => closeDatabase())

/** A team with a second owner: both owners must hear of every change. */
async function teamWithTwoOwners(): Promise<TTeam & { owner2: { id: string; email: string } }> {
  const team = await createTeam()
  const owner2 = await createAdmin(await getPrisma(), 'owner2')
  await setMembership(await getPrisma(), team.org.id, owner2.id, 'owner')
  return { ...team, owner2 }
}

async function noticesOf(orgId: string) {
  return (await getPrisma()).outboxMessage.findMany({ where: { orgId, kind: 'owner_notice' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
}

/** The notices since `count` were read, grouped by subject: each subject's recipients. */
async function newNotices(orgId: string, seen: number) {
  const all = await noticesOf(orgId)
  return all.slice(seen)
}

function expectToEveryOwner(notices: Array<{ toAddress: string }>, team: { owner: { email: string }; owner2: { email: string } }) {
  expect(notices.map((notice) => notice.toAddress).sort()).toEqual([team.owner.email, team.owner2.email].sort())
}

describe('owner notices', () => {
  it('go through the platform default, like every platform email', () => {
    expect(isPlatformEmail('owner_notice')).toBe(true)
  })

  it('a new provider target: subject, the new server with its service and method, who, when, a link to Recent changes; no secret', async () => {
    const team = await teamWithTwoOwners()
    const before = Date.now()
    expect(await updateEmailProvider(team.org.id, team.admin, providerForm({ password: PASSWORD, host: 'smtp.new-target.example', version: 0 }))).toEqual({
      ok: true,
      version: 1,
    })
    const notices = await noticesOf(team.org.id)
    expectToEveryOwner(notices, team)
    const [notice] = notices
    expect(notice!.subject).toBe(`The email provider of ${team.org.name} was changed`)
    expect(notice!.text).toContain('What changed: Mail now goes through smtp.new-target.example:587 (Custom SMTP, sign-in: Password)')
    expect(notice!.text).toContain(`Who: ${team.admin.email}`)
    const when = /When: (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec(notice!.text)
    expect(when).not.toBeNull()
    expect(Math.abs(new Date(`${when![1]}:00Z`).getTime() - before)).toBeLessThan(120_000)
    expect(notice!.text).toContain('From the network: unknown') // no request here: no address to name
    expect(notice!.text).toContain(`/orgs/${team.org.slug}/settings/email-provider`)
    expect(notice!.html).toContain(`/orgs/${team.org.slug}/settings/email-provider`)
    for (const part of [notice!.subject, notice!.html, notice!.text]) expect(part).not.toContain(PASSWORD)
    expect(notices.every((message) => message.status === 'queued')).toBe(true)
  })

  it('a new secret on the same server tells the owners; a Display Name alone does not', async () => {
    const team = await teamWithTwoOwners()
    await updateEmailProvider(team.org.id, team.admin, providerForm({ password: PASSWORD, version: 0 }))
    const seen = (await noticesOf(team.org.id)).length
    expect(await updateEmailProvider(team.org.id, team.admin, providerForm({ displayName: 'Renamed', version: 1 }))).toEqual({ ok: true, version: 2 })
    expect(await newNotices(team.org.id, seen)).toEqual([])
    expect(await updateEmailProvider(team.org.id, team.admin, providerForm({ displayName: 'Renamed', password: 'another secret', version: 2 }))).toEqual({
      ok: true,
      version: 3,
    })
    const notices = await newNotices(team.org.id, seen)
    expectToEveryOwner(notices, team)
    expect(notices.map((notice) => notice.text).join()).not.toContain('another secret')
  })

  it('the fallback switch, on and off', async () => {
    const team = await teamWithTwoOwners()
    await updateEmailProvider(team.org.id, team.admin, providerForm({ password: PASSWORD, version: 0 }))
    const seen = (await noticesOf(team.org.id)).length
    await updateEmailProvider(team.org.id, team.admin, providerForm({ useDefaultOnFailure: true, version: 1 }))
    const on = await newNotices(team.org.id, seen)
    expectToEveryOwner(on, team)
    expect(on[0]!.subject).toBe(`The fallback to the default provider of ${team.org.name} was changed`)
    expect(on[0]!.text).toContain('Turned on')
    await updateEmailProvider(team.org.id, team.admin, providerForm({ useDefaultOnFailure: false, version: 2 }))
    expect((await newNotices(team.org.id, seen + 2))[0]!.text).toContain('Turned off')
  })

  it('Revert: the default provider sends again', async () => {
    const team = await teamWithTwoOwners()
    await updateEmailProvider(team.org.id, team.admin, providerForm({ password: PASSWORD, version: 0 }))
    const seen = (await noticesOf(team.org.id)).length
    expect(await revertEmailProvider(team.org.id, team.admin, 1)).toEqual({ ok: true, version: 2 })
    const notices = await newNotices(team.org.id, seen)
    expectToEveryOwner(notices, team)
    expect(notices[0]!.subject).toBe(`The email provider of ${team.org.name} was changed`)
    expect(notices[0]!.text).toContain('the platform’s default provider')
  })

  it('a change through the Management API names the key', async () => {
    const team = await teamWithTwoOwners()
    const writer = await newApiKey(team.org.id, team.owner, 'read_write', 'terraform')
    const seen = (await noticesOf(team.org.id)).length
    const settings = { preset: 'custom', host: 'smtp.example.com', port: 587, security: 'auto', authKind: 'password', username: 'mailer' }
    const put = await call(putEmailProvider, 'PUT', '/api/v1/email-provider', {
      key: writer.key,
      body: { ...settings, password: PASSWORD, fromAddress: 'no-reply@example.com', version: 0 },
    })
    expect(put.status).toBe(200)
    const notices = await newNotices(team.org.id, seen)
    expectToEveryOwner(notices, team)
    expect(notices[0]!.text).toContain('Who: the API key terraform')
    expect(JSON.stringify(notices)).not.toContain(PASSWORD)
  })

  it('API keys created and revoked; the key itself never in the notice', async () => {
    const team = await teamWithTwoOwners()
    const created = await createApiKey(team.org.id, team.admin, { name: 'deploy', access: 'read_write' })
    const onCreate = await noticesOf(team.org.id)
    expectToEveryOwner(onCreate, team)
    expect(onCreate[0]!.subject).toBe(`An API key was created for ${team.org.name}`)
    expect(onCreate[0]!.text).toContain(`The API key deploy (${created.view.prefix}…) with Read and write access`)
    expect(onCreate[0]!.text).toContain(`/orgs/${team.org.slug}/settings/api-keys`)
    expect(JSON.stringify(onCreate)).not.toContain(created.key)
    expect(await revokeApiKey(team.org.id, team.owner, created.view.id)).toEqual({ ok: true })
    const onRevoke = await newNotices(team.org.id, onCreate.length)
    expectToEveryOwner(onRevoke, team)
    expect(onRevoke[0]!.subject).toBe(`An API key of ${team.org.name} was revoked`)
    expect(await revokeApiKey(team.org.id, team.owner, created.view.id)).toEqual({ ok: false, code: 'already-revoked' })
    expect(await newNotices(team.org.id, onCreate.length + onRevoke.length)).toEqual([])
  })

  it('roles changed, members removed and ownership transferred', async () => {
    const team = await teamWithTwoOwners()
    expect(await members.changeMemberRole(team.org, team.owner, { userId: team.viewer.id, role: 'admin' })).toEqual({ ok: true })
    const promoted = await noticesOf(team.org.id)
    expectToEveryOwner(promoted, team)
    expect(promoted[0]!.subject).toBe(`A role in ${team.org.name} was changed`)
    expect(promoted[0]!.text).toContain(`${team.viewer.email}: Viewer → Admin`)
    expect(promoted[0]!.text).toContain(`/orgs/${team.org.slug}/settings/members`)
    expect(await members.removeMember(team.org, team.owner, team.viewer.id)).toEqual({ ok: true })
    expect((await newNotices(team.org.id, 2)).map((notice) => notice.text).join()).toContain(`${team.viewer.email} is no longer a member (was Admin)`)
    expect(await members.transferOwnership(team.org, team.owner2, team.admin.id)).toEqual({ ok: true })
    const transfer = (await newNotices(team.org.id, 4)).map((notice) => notice.text)
    expect(transfer.join()).toContain(`${team.admin.email}: Admin → Owner`)
    expect(transfer.join()).toContain(`${team.owner2.email}: Owner → Admin`)
  })

  it('a refused change tells nobody', async () => {
    const team = await teamWithTwoOwners()
    expect(await members.changeMemberRole(team.org, team.admin, { userId: team.viewer.id, role: 'admin' })).toEqual({ ok: false, code: 'forbidden' })
    expect(await updateEmailProvider(team.org.id, team.admin, providerForm({ password: PASSWORD, version: 7 }))).toEqual({ ok: false, code: 'conflict' })
    expect(await noticesOf(team.org.id)).toEqual([])
  })

  it('name the network as a range, never the precise address', async () => {
    const team = await teamWithTwoOwners()
    const context = { actor: team.admin, network: clientNetwork('203.0.113.77') }
    const prepared = await prepareOwnerNotice(team.org.id, { kind: 'fallback-changed', isOn: true }, context)
    expect(prepared.email.text).toContain('From the network: 203.0.113.0/24')
    expect(prepared.email.text).not.toContain('203.0.113.77')
    const v6 = await prepareOwnerNotice(team.org.id, { kind: 'fallback-changed', isOn: true }, { ...context, network: clientNetwork('2001:db8:7:8::abcd') })
    expect(v6.email.text).toContain('From the network: 2001:db8:7:8::/64')
    await (await getPrisma()).$transaction((tx) => queueOwnerNotices(tx, [prepared]))
    expectToEveryOwner(await noticesOf(team.org.id), team)
  })
})
