import 'server-only'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { env } from '@/lib/env'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'
import { invitation as invitationEmail } from '@/lib/mail/server/templates/invitation'
import type { TMembersFailureCode } from '@/lib/members/messages'
import { can, ROLE_LABELS, type TPermission, type TRole } from '@/lib/members/roles'
import type { TInvite, TRoleChange } from '@/lib/members/schema'
import { routes } from '@/lib/routes'
import { getPrisma } from '@/lib/server/db'
import { isUniqueViolation, type TTransaction } from '@/lib/server/db/prisma'
import * as store from './store'
import { activeKeysOf, limitCreatorKeys, revokeCreatorKeys } from '@/lib/api-keys/server/store'
import { issueInvitationToken } from './tokens'
import type { TOwnerNotice } from '@/lib/owner-notices/server/kinds'
import { prepareOwnerNotice, queueOwnerNotices, withFacts, type TPreparedNotice } from '@/lib/owner-notices/server/notify'
import { ownerNoticesQueued } from '@/lib/owner-notices/server/wake'
import type { TRecentSignInCheck, TStepUpRequired } from '@/lib/auth/server/recent-sign-in'

// Invitations and membership changes. Each runs in one transaction that locks the organization's memberships, reads
// the actor's role inside it (a role changed a moment ago counts), and writes its audit entry with the change.

export type TOrgRef = { id: string; name: string; slug: string }
export type TMembersResult<T extends object = object> = TDomainResult<T, TMembersFailureCode>

type TGuarded<T extends object> = (tx: TTransaction, actorRole: TRole) => Promise<TMembersResult<T>>

const FORBIDDEN = failure('forbidden')

/** Runs `work` when the actor holds `permission` in the organization, all in one transaction. */
async function asActor<T extends object>(orgId: string, actor: TActor, permission: TPermission, work: TGuarded<T>): Promise<TMembersResult<T>> {
  const prisma = await getPrisma()
  const result = await prisma.$transaction(async (tx) => {
    if (!(await store.lockOrgMembers(tx, orgId))) return FORBIDDEN
    const role = await store.roleIn(tx, orgId, actor.id)
    if (!role || !can(role, permission)) return FORBIDDEN
    return work(tx, role)
  })
  // what the change queued (owners' notices, invitations) goes out at once from this process
  if (result.ok) ownerNoticesQueued()
  return result
}

/** The link an invitation email carries, always built from APP_URL. */
export function invitationUrl(token: string): string {
  return `${env.APP_URL}${routes.invitation(token)}`
}

function renderInvitation(org: TOrgRef, actor: TActor, role: TRole, token: string) {
  return invitationEmail({ orgName: org.name, inviterEmail: actor.email, roleLabel: ROLE_LABELS[role], link: invitationUrl(token) })
}

/** Invites an address as Admin or Viewer and queues the email (through the platform's default provider). */
export async function inviteMember(org: TOrgRef, actor: TActor, input: TInvite): Promise<TMembersResult<{ invitationId: string }>> {
  const email = input.email.trim().toLowerCase()
  const now = new Date()
  const { token, tokenHash, expiresAt } = issueInvitationToken(now)
  const message = await renderInvitation(org, actor, input.role, token)
  try {
    return await asActor(org.id, actor, 'invite', async (tx) => {
      const userId = await store.findUserIdByEmail(tx, email)
      if (userId && (await store.roleIn(tx, org.id, userId))) return failure('already-member', 'email')
      const existing = await store.findInvitationByEmail(tx, org.id, email)
      if (existing && !existing.acceptedAt && !existing.revokedAt && existing.expiresAt > now) return failure('already-invited', 'email')
      const invitationId = await store.saveInvitation(tx, { orgId: org.id, email, role: input.role, tokenHash, expiresAt, invitedBy: actor })
      await enqueueEmail(tx, { orgId: org.id, kind: 'invitation', to: email, ...message })
      await recordAudit(tx, { orgId: org.id, actor, action: 'member_invite', details: { email, role: input.role } })
      return { ok: true, invitationId }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return failure('already-invited', 'email') // a concurrent invitation to the same address
    throw error
  }
}

/** Sends a pending invitation again with a new link (the previous link stops working) valid for another 7 days. */
export async function resendInvitation(org: TOrgRef, actor: TActor, invitationId: string): Promise<TMembersResult> {
  const { token, tokenHash, expiresAt } = issueInvitationToken()
  // rendered before the transaction (nothing slow while it holds the connection); the role is checked again inside
  const before = await store.findInvitation(await getPrisma(), org.id, invitationId)
  if (!before) return failure('not-found')
  const message = await renderInvitation(org, actor, before.role, token)
  return asActor(org.id, actor, 'invite', async (tx) => {
    const found = await store.findInvitation(tx, org.id, invitationId)
    if (!found || found.acceptedAt || found.revokedAt || found.role !== before.role) return failure('not-found')
    await store.renewInvitationToken(tx, found.id, tokenHash, expiresAt)
    await enqueueEmail(tx, { orgId: org.id, kind: 'invitation', to: found.email, ...message })
    await recordAudit(tx, { orgId: org.id, actor, action: 'member_invite_resend', details: { email: found.email, role: found.role } })
    return { ok: true }
  })
}

/** Revokes a pending invitation: its link stops working at once. */
export async function revokeInvitation(org: TOrgRef, actor: TActor, invitationId: string): Promise<TMembersResult> {
  return asActor(org.id, actor, 'invite', async (tx) => {
    const found = await store.findInvitation(tx, org.id, invitationId)
    if (!found || !(await store.revokeInvitationRow(tx, found.id, new Date()))) return failure('not-found')
    await recordAudit(tx, { orgId: org.id, actor, action: 'member_invite_revoke', details: { email: found.email, role: found.role } })
    return { ok: true }
  })
}

/**
 * Changes a member's role (owners only); the last owner cannot be demoted. It passes `recentSignIn` (step-up) first:
 * the console's actions give the session's check, so nothing changes without a recent sign-in.
 */
export async function changeMemberRole(
  org: TOrgRef,
  actor: TActor,
  input: TRoleChange,
  recentSignIn?: TRecentSignInCheck,
): Promise<TMembersResult | TStepUpRequired> {
  const stepUp = await recentSignIn?.()
  if (stepUp) return stepUp
  const before = await store.findMember(await getPrisma(), org.id, input.userId)
  const prepared = before ? await prepareOwnerNotice(org, roleChanged(before.email, before.role, input.role), { actor }) : null
  const preparedKeys = before && input.role === 'viewer' ? await prepareKeysNotice(org, actor, 'limited', before.email, input.userId) : null
  return asActor(org.id, actor, 'manage-members', async (tx) => {
    const target = await store.findMember(tx, org.id, input.userId)
    if (!target) return failure('not-found')
    if (target.role === input.role) return { ok: true }
    if (target.role === 'owner' && (await store.countOwners(tx, org.id)) <= 1) return failure('last-owner')
    await store.setRole(tx, org.id, input.userId, input.role)
    await recordAudit(tx, { orgId: org.id, actor, action: 'member_role_change', details: { email: target.email, from: target.role, to: input.role } })
    await tellOwners(tx, org, actor, prepared, roleChanged(target.email, target.role, input.role))
    // a key never acts beyond its creator's role: a Viewer's keys may only read
    if (input.role === 'viewer') {
      const keys = await limitCreatorKeys(tx, org.id, actor, { id: input.userId, email: target.email })
      if (keys.length > 0) await tellOwners(tx, org, actor, preparedKeys, { kind: 'creator-keys-limited', creator: target.email, role: 'viewer', keys })
    }
    return { ok: true }
  })
}

/** Removes another member (owners only); the last owner cannot be removed. */
export async function removeMember(org: TOrgRef, actor: TActor, userId: string): Promise<TMembersResult> {
  if (userId === actor.id) return failure('self')
  const before = await store.findMember(await getPrisma(), org.id, userId)
  const prepared = before ? await prepareOwnerNotice(org, roleChanged(before.email, before.role, null), { actor }) : null
  const preparedKeys = before ? await prepareKeysNotice(org, actor, 'revoked', before.email, userId) : null
  return asActor(org.id, actor, 'manage-members', async (tx) => {
    const target = await store.findMember(tx, org.id, userId)
    if (!target) return failure('not-found')
    if (target.role === 'owner' && (await store.countOwners(tx, org.id)) <= 1) return failure('last-owner')
    await store.deleteMembership(tx, org.id, userId)
    await recordAudit(tx, { orgId: org.id, actor, action: 'member_remove', details: { email: target.email, role: target.role } })
    await tellOwners(tx, org, actor, prepared, roleChanged(target.email, target.role, null))
    await revokeKeysOf(tx, org, actor, { id: userId, email: target.email }, preparedKeys)
    return { ok: true }
  })
}

/** The actor leaves the organization (any role); the last owner must transfer ownership first. */
export async function leaveOrganization(org: TOrgRef, actor: TActor): Promise<TMembersResult> {
  const before = await store.findMember(await getPrisma(), org.id, actor.id)
  const prepared = before ? await prepareOwnerNotice(org, roleChanged(actor.email, before.role, null), { actor }) : null
  const preparedKeys = before ? await prepareKeysNotice(org, actor, 'revoked', actor.email, actor.id) : null
  return asActor(org.id, actor, 'view', async (tx, role) => {
    if (role === 'owner' && (await store.countOwners(tx, org.id)) <= 1) return failure('last-owner')
    await store.deleteMembership(tx, org.id, actor.id)
    await recordAudit(tx, { orgId: org.id, actor, action: 'member_leave', details: { email: actor.email, role } })
    await tellOwners(tx, org, actor, prepared, roleChanged(actor.email, role, null))
    await revokeKeysOf(tx, org, actor, { id: actor.id, email: actor.email }, preparedKeys)
    return { ok: true }
  })
}

/**
 * A password reset proved that an account never verified was not its address's owner: it leaves `org` (which it shares
 * with others), the keys it made there stop working, and the owners are told. Runs inside the reset's transaction.
 */
export async function removeDisprovedClaimant(tx: TTransaction, org: TOrgRef, claimant: TActor, role: TRole): Promise<void> {
  await store.deleteMembership(tx, org.id, claimant.id)
  await tellOwners(tx, org, claimant, null, roleChanged(claimant.email, role, null))
  await revokeKeysOf(tx, org, claimant, claimant, null)
}

/** Deletes the organization with everything in it (settings, secrets, users, outbox, audit): owners only. */
export async function deleteOrganization(org: TOrgRef, actor: TActor): Promise<TMembersResult> {
  return asActor(org.id, actor, 'delete-organization', async (tx) => {
    await store.deleteOrganization(tx, org.id)
    return { ok: true }
  })
}

/** Makes another member the owner; the actor (an owner) stays on as Admin. It passes `recentSignIn` (step-up) first. */
export async function transferOwnership(
  org: TOrgRef,
  actor: TActor,
  userId: string,
  recentSignIn?: TRecentSignInCheck,
): Promise<TMembersResult | TStepUpRequired> {
  if (userId === actor.id) return failure('self')
  const stepUp = await recentSignIn?.()
  if (stepUp) return stepUp
  const before = await store.findMember(await getPrisma(), org.id, userId)
  const prepared = before ? await prepareOwnerNotice(org, roleChanged(before.email, before.role, 'owner'), { actor }) : null
  const preparedSelf = await prepareOwnerNotice(org, roleChanged(actor.email, 'owner', 'admin'), { actor })
  return asActor(org.id, actor, 'manage-members', async (tx) => {
    const target = await store.findMember(tx, org.id, userId)
    if (!target) return failure('not-found')
    await store.setRole(tx, org.id, userId, 'owner')
    await store.setRole(tx, org.id, actor.id, 'admin')
    await recordAudit(tx, { orgId: org.id, actor, action: 'member_transfer', details: { email: target.email, from: target.role } })
    await tellOwners(tx, org, actor, prepared, roleChanged(target.email, target.role, 'owner'))
    await tellOwners(tx, org, actor, preparedSelf, roleChanged(actor.email, 'owner', 'admin'))
    return { ok: true }
  })
}

function roleChanged(member: string, from: TRole, to: TRole | null): TOwnerNotice {
  return { kind: 'role-changed', member, from, to }
}

// Queued with the change; rendered before the transaction unless the member changed in between (then rendered here).
/** A member who is no longer one: the keys they created stop working, and owners are told which. */
async function revokeKeysOf(tx: TTransaction, org: TOrgRef, actor: TActor, creator: { id: string; email: string }, prepared: TPreparedNotice | null) {
  const keys = await revokeCreatorKeys(tx, org.id, actor, creator)
  if (keys.length > 0) await tellOwners(tx, org, actor, prepared, { kind: 'creator-keys-revoked', creator: creator.email, keys })
}

/** The notice of what happens to a creator's keys, rendered before the transaction from the keys they hold now. */
async function prepareKeysNotice(
  org: TOrgRef,
  actor: TActor,
  change: 'revoked' | 'limited',
  creator: string,
  creatorId: string,
): Promise<TPreparedNotice | null> {
  const keys = await activeKeysOf(await getPrisma(), org.id, creatorId, change === 'limited')
  if (keys.length === 0) return null
  const notice: TOwnerNotice =
    change === 'revoked' ? { kind: 'creator-keys-revoked', creator, keys } : { kind: 'creator-keys-limited', creator, role: 'viewer', keys }
  return prepareOwnerNotice(org, notice, { actor })
}

async function tellOwners(tx: TTransaction, org: TOrgRef, actor: TActor, prepared: TPreparedNotice | null, notice: TOwnerNotice) {
  await queueOwnerNotices(tx, [prepared ? await withFacts(prepared, notice) : await prepareOwnerNotice(org, notice, { actor })])
}
