import 'server-only'
import { getPrisma } from '@/lib/server/db'
import type { PrismaClient, TTransaction } from '@/lib/server/db/prisma'
import type { TRole } from '@/lib/members/roles'

// Data access of memberships and invitations. Every query is scoped by organization.

export type TMemberRow = { userId: string; email: string; role: TRole; joinedAt: Date }
export type TInvitationRow = { id: string; email: string; role: TRole; expiresAt: Date; invitedByEmail: string; createdAt: Date }

/** The organization's members, owners first, then by when they joined. */
export async function listMembers(orgId: string): Promise<TMemberRow[]> {
  const prisma = await getPrisma()
  const rows = await prisma.membership.findMany({
    where: { orgId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { role: true, createdAt: true, user: { select: { id: true, email: true } } },
  })
  const rank: Record<TRole, number> = { owner: 0, admin: 1, viewer: 2 }
  return rows
    .map((row) => ({ userId: row.user.id, email: row.user.email, role: row.role, joinedAt: row.createdAt }))
    .sort((a, b) => rank[a.role] - rank[b.role])
}

/** Invitations still waiting for an answer (not accepted, revoked or expired), newest first. */
export async function listPendingInvitations(orgId: string, now = new Date()): Promise<TInvitationRow[]> {
  const prisma = await getPrisma()
  return prisma.invitation.findMany({
    where: { orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, email: true, role: true, expiresAt: true, invitedByEmail: true, createdAt: true },
  })
}

/**
 * Serializes membership changes of one organization: "is this the last owner?" and the change that depends on it
 * must not interleave with another admin's (two owners demoting each other at once would leave none).
 */
export async function lockOrgMembers(tx: TTransaction, orgId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM organization WHERE id = ${orgId} FOR UPDATE`
  return rows.length === 1
}

/** `userId`'s role in the organization, or null. */
export async function roleIn(tx: TTransaction, orgId: string, userId: string): Promise<TRole | null> {
  const row = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true } })
  return row?.role ?? null
}

/** How many owners the organization has. */
export function countOwners(tx: TTransaction, orgId: string): Promise<number> {
  return tx.membership.count({ where: { orgId, role: 'owner' } })
}

/** A member's role and address, or null. */
export async function findMember(tx: TTransaction | PrismaClient, orgId: string, userId: string): Promise<{ role: TRole; email: string } | null> {
  const row = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true, user: { select: { email: true } } } })
  return row ? { role: row.role, email: row.user.email } : null
}

/** Every membership of the user: its organization, the role, and how many members the organization has. */
export async function listMembershipsOf(
  tx: TTransaction,
  userId: string,
): Promise<Array<{ org: { id: string; name: string; slug: string }; role: TRole; memberCount: number }>> {
  const rows = await tx.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { id: true, name: true, slug: true, _count: { select: { memberships: true } } } } },
  })
  return rows.map(({ role, org: { _count, ...org } }) => ({ org, role, memberCount: _count.memberships }))
}

/** Sets an existing member's role. */
export async function setRole(tx: TTransaction, orgId: string, userId: string, role: TRole): Promise<void> {
  await tx.membership.update({ where: { orgId_userId: { orgId, userId } }, data: { role } })
}

/** Removes a member (their account stays: they may belong to other organizations). */
export async function deleteMembership(tx: TTransaction, orgId: string, userId: string): Promise<void> {
  await tx.membership.delete({ where: { orgId_userId: { orgId, userId } } })
}

/** Adds a member; false when they already are one. */
export async function addMembership(tx: TTransaction, orgId: string, userId: string, role: TRole): Promise<boolean> {
  const created = await tx.membership.createMany({ data: [{ orgId, userId, role }], skipDuplicates: true })
  return created.count === 1
}

/** The account id registered with `email` (lowercase), or null. */
export async function findUserIdByEmail(tx: TTransaction, email: string): Promise<string | null> {
  const row = await tx.user.findUnique({ where: { email }, select: { id: true } })
  return row?.id ?? null
}

/** Deletes an account (its sessions and password go with it). */
export async function deleteUser(userId: string): Promise<void> {
  await (await getPrisma()).user.delete({ where: { id: userId } })
}

/** Marks an account's address verified: following an emailed invitation link proves it receives mail there. */
export async function markUserEmailVerified(tx: TTransaction, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { emailVerified: true } })
}

/** The organization's invitation row for `email`, whatever its state. */
export function findInvitationByEmail(tx: TTransaction, orgId: string, email: string) {
  return tx.invitation.findUnique({ where: { orgId_email: { orgId, email } }, select: { id: true, acceptedAt: true, revokedAt: true, expiresAt: true } })
}

/** One invitation of the organization, whatever its state. */
export function findInvitation(tx: TTransaction | PrismaClient, orgId: string, id: string) {
  return tx.invitation.findFirst({
    where: { id, orgId },
    select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  })
}

type TInvitationWrite = { orgId: string; email: string; role: TRole; tokenHash: string; expiresAt: Date; invitedBy: { id: string; email: string } }

/** Writes a fresh pending invitation for the address (replacing an accepted, revoked or expired one): returns its id. */
export async function saveInvitation(tx: TTransaction, write: TInvitationWrite): Promise<string> {
  const data = {
    role: write.role,
    tokenHash: write.tokenHash,
    expiresAt: write.expiresAt,
    acceptedAt: null,
    revokedAt: null,
    invitedById: write.invitedBy.id,
    invitedByEmail: write.invitedBy.email,
    createdAt: new Date(),
  }
  const row = await tx.invitation.upsert({
    where: { orgId_email: { orgId: write.orgId, email: write.email } },
    create: { orgId: write.orgId, email: write.email, ...data },
    update: data,
    select: { id: true },
  })
  return row.id
}

/** Gives a pending invitation a new token and expiry (the old link stops working). */
export async function renewInvitationToken(tx: TTransaction, id: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await tx.invitation.update({ where: { id }, data: { tokenHash, expiresAt } })
}

/** Revokes a pending invitation; false when it was no longer pending. */
export async function revokeInvitationRow(tx: TTransaction, id: string, now: Date): Promise<boolean> {
  const updated = await tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } })
  return updated.count === 1
}

/** The invitation behind a link (by the token's hash), with its organization. */
export async function findInvitationByTokenHash(tokenHash: string) {
  const prisma = await getPrisma()
  return prisma.invitation.findUnique({
    where: { tokenHash },
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, org: { select: { id: true, name: true, slug: true } } },
  })
}

/** Consumes an invitation exactly once: false when it was used, revoked or expired in the meantime. */
export async function consumeInvitation(tx: TTransaction, id: string, now: Date): Promise<boolean> {
  const updated = await tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } })
  return updated.count === 1
}

/** Every organization the user belongs to, by name (the console's org switcher). */
export async function listOrgsOf(userId: string) {
  const prisma = await getPrisma()
  const rows = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { name: true, slug: true } } },
    orderBy: [{ org: { name: 'asc' } }, { orgId: 'asc' }],
  })
  return rows.map((row) => ({ name: row.org.name, slug: row.org.slug, role: row.role }))
}

/** Deletes the organization; its memberships, invitations, provider settings, users, outbox and audit trail go with it. */
export async function deleteOrganization(tx: TTransaction, orgId: string): Promise<void> {
  await tx.organization.delete({ where: { id: orgId } })
}

/** What the test-email recipient rules need: whether an owner has verified, the actor's own address, whether `recipient` is a member. */
export async function findTestRecipientFacts(orgId: string, actorId: string, recipient: string) {
  const prisma = await getPrisma()
  const [verifiedOwners, actor, key, members] = await Promise.all([
    prisma.membership.count({ where: { orgId, role: 'owner', user: { emailVerified: true } } }),
    prisma.user.findUnique({ where: { id: actorId }, select: { email: true } }),
    // an API key acts for its creator
    prisma.apiKey.findFirst({ where: { id: actorId, orgId }, select: { createdByEmail: true } }),
    prisma.membership.count({ where: { orgId, user: { email: { equals: recipient, mode: 'insensitive' } } } }),
  ])
  return { ownerVerified: verifiedOwners > 0, ownAddress: actor?.email ?? key?.createdByEmail ?? null, isMember: members > 0 }
}

/** Whether the organization requires two-factor authentication of its members. */
export async function findRequireTwoFactor(tx: TTransaction, orgId: string): Promise<boolean> {
  const row = await tx.organization.findUnique({ where: { id: orgId }, select: { requireTwoFactor: true } })
  return row?.requireTwoFactor ?? false
}

/** Sets the organization's Require two-factor authentication. */
export async function saveRequireTwoFactor(tx: TTransaction, orgId: string, isRequired: boolean): Promise<void> {
  await tx.organization.update({ where: { id: orgId }, data: { requireTwoFactor: isRequired } })
}

/** Whether the admin has two-factor authentication on. */
export async function hasTwoFactorOn(tx: TTransaction, userId: string): Promise<boolean> {
  const row = await tx.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } })
  return row?.twoFactorEnabled ?? false
}
