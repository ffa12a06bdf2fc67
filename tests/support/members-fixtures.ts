// Organizations with one member of each role, and invitation links read back from the outbox, for the Members tests.
import { getPrisma } from '@/lib/server/db'
import { createOrganizationWithOwner } from '@/lib/orgs/server/store'
import type { TRole } from '@/lib/members/roles'
import { createAdmin, setMembership, uniqueTag } from './data-fixtures'

export type TTestActor = { id: string; email: string }
export type TTeam = { org: { id: string; name: string; slug: string }; owner: TTestActor; admin: TTestActor; viewer: TTestActor; outsider: TTestActor }

/** A fresh organization with an owner, an admin, a viewer, and an outsider (an account that is no member). */
export async function createTeam(): Promise<TTeam> {
  const prisma = await getPrisma()
  const owner = await createAdmin(prisma, 'owner')
  const org = await createOrganizationWithOwner(owner.id, `Team ${uniqueTag()}`)
  const members: Partial<Record<TRole, TTestActor>> = {}
  for (const role of ['admin', 'viewer'] as const) {
    members[role] = await createAdmin(prisma, role)
    await setMembership(prisma, org.id, members[role].id, role)
  }
  return { org, owner, admin: members.admin!, viewer: members.viewer!, outsider: await createAdmin(prisma, 'outsider') }
}

/** The token of the newest invitation email queued to `email` (read from its plain-text link, as a recipient would). */
export async function invitationTokenFor(orgId: string, email: string): Promise<string> {
  const prisma = await getPrisma()
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { orgId, toAddress: email, kind: 'invitation' }, orderBy: { createdAt: 'desc' } })
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(message.text)
  if (!match) throw new Error(`no invitation link in: ${message.text}`)
  return match[1]!
}

/** The role of `userId` in the organization, or null. */
export async function roleOf(orgId: string, userId: string): Promise<TRole | null> {
  const row = await (await getPrisma()).membership.findUnique({ where: { orgId_userId: { orgId, userId } } })
  return row?.role ?? null
}
