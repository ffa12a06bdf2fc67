'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { stepUpFailure, type TStepUpRequired } from '@/lib/auth/messages'
import { getClientIp } from '@/lib/auth/server/request-context'
import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { wakeDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { invalidInput, type TActionFailure, type TActionResult } from '@/lib/forms/action-result'
import { membersFailure } from '@/lib/members/messages'
import { PERMISSIONS } from '@/lib/members/roles'
import { ZAcceptWithPassword, ZInvitationRef, ZInvitationToken, ZInvite, ZMemberRef, ZRequireTwoFactor, ZRoleChange } from '@/lib/members/schema'
import { setRequireTwoFactor } from '@/lib/members/server/require-two-factor'
import { acceptInvitation, acceptInvitationWithPassword } from '@/lib/members/server/accept'
import * as service from '@/lib/members/server/service'
import { routes } from '@/lib/routes'
import { getLogger } from '@/lib/server/logger'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'

// The page's buttons follow the same roles; these checks are what holds when a request is forged. The services check
// the actor's role again inside their transaction. Changing a role or the ownership needs a recent sign-in (step-up):
// the services ask the session's check (access.recentSignIn) before anything changes.

type TResult = TActionResult

function answer(result: service.TMembersResult | TStepUpRequired): TResult {
  if (result.ok) return { ok: true }
  return result.code === 'step-up-required' ? stepUpFailure(result.isCodeRequired) : membersFailure(result)
}

/** Invite member: Email and Role; the invitation email goes out through the platform's default provider. */
export async function inviteMemberAction(slug: string, input: unknown): Promise<TResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS.invite)
  if (!access.ok) return access
  const parsed = ZInvite.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const limit = await consumeRateLimits([['invite-org', access.org.id]])
  if (!limit.ok) return { ok: false, message: `Invitations are limited per organization. ${describeRetryAfter(limit.retryAfterSeconds)}` }
  const result = await service.inviteMember(access.org, access.admin, parsed.data)
  if (result.ok) wakeDeliveryWorker()
  return answer(result)
}

/** Resend: a new link, valid for another 7 days; the previous link stops working. */
export async function resendInvitationAction(slug: string, input: unknown): Promise<TResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS.invite)
  if (!access.ok) return access
  const parsed = ZInvitationRef.safeParse(input)
  if (!parsed.success) return membersFailure({ ok: false, code: 'not-found' })
  const limit = await consumeRateLimits([['invite-org', access.org.id]])
  if (!limit.ok) return { ok: false, message: `Invitations are limited per organization. ${describeRetryAfter(limit.retryAfterSeconds)}` }
  const result = await service.resendInvitation(access.org, access.admin, parsed.data.invitationId)
  if (result.ok) wakeDeliveryWorker()
  return answer(result)
}

/** Revoke: the invitation's link stops working. */
export async function revokeInvitationAction(slug: string, input: unknown): Promise<TResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS.invite)
  if (!access.ok) return access
  const parsed = ZInvitationRef.safeParse(input)
  if (!parsed.success) return membersFailure({ ok: false, code: 'not-found' })
  return answer(await service.revokeInvitation(access.org, access.admin, parsed.data.invitationId))
}

/** Changes a member's role (owners only). */
export async function changeMemberRoleAction(slug: string, input: unknown): Promise<TResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['manage-members'])
  if (!access.ok) return access
  const parsed = ZRoleChange.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  return answer(await service.changeMemberRole(access.org, access.admin, parsed.data, access.recentSignIn))
}

/** Removes a member (owners only). */
export async function removeMemberAction(slug: string, input: unknown): Promise<TResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['manage-members'])
  if (!access.ok) return access
  const parsed = ZMemberRef.safeParse(input)
  if (!parsed.success) return membersFailure({ ok: false, code: 'not-found' })
  return answer(await service.removeMember(access.org, access.admin, parsed.data.userId))
}

/** Makes another member the owner; the current owner becomes an Admin. */
export async function transferOwnershipAction(slug: string, input: unknown): Promise<TResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['manage-members'])
  if (!access.ok) return access
  const parsed = ZMemberRef.safeParse(input)
  if (!parsed.success) return membersFailure({ ok: false, code: 'not-found' })
  return answer(await service.transferOwnership(access.org, access.admin, parsed.data.userId, access.recentSignIn))
}

/** Leaves the organization, then goes home (to another organization, or sign-up). */
export async function leaveOrganizationAction(slug: string): Promise<TActionFailure> {
  const access = await authorizeOrgAction(slug, PERMISSIONS.view)
  if (!access.ok) return access
  const result = await service.leaveOrganization(access.org, access.admin)
  if (!result.ok) return membersFailure(result)
  redirect(routes.home)
}

/** Delete organization (owners): everything in it goes, then the admin lands on their next organization, or sign-up. */
export async function deleteOrganizationAction(slug: string): Promise<TActionFailure> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['delete-organization'])
  if (!access.ok) return access
  const result = await service.deleteOrganization(access.org, access.admin)
  if (!result.ok) return membersFailure(result)
  getLogger().info({ orgId: access.org.id, actorId: access.admin.id }, 'organization deleted')
  redirect(routes.home)
}

/** Require two-factor authentication (owners, who need two-factor on themselves to turn it on). */
export async function setRequireTwoFactorAction(slug: string, input: unknown): Promise<TResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['require-two-factor'])
  if (!access.ok) return access
  const parsed = ZRequireTwoFactor.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  return answer(await setRequireTwoFactor(access.org, access.admin, parsed.data))
}

/** Accept invitation, signed in: joins the organization and opens it. */
export async function acceptInvitationAction(token: unknown): Promise<TActionFailure> {
  const parsed = ZInvitationToken.safeParse(token)
  if (!parsed.success) return membersFailure({ ok: false, code: 'invalid-link' })
  const admin = await getCurrentAdmin()
  if (!admin) return { ok: false, message: 'Your session has ended. Sign in again to continue.' }
  const result = await acceptInvitation(parsed.data, admin)
  if (!result.ok) return membersFailure(result)
  redirect(routes.org(result.slug))
}

/** Accept invitation without an account: sets the Password, signs in and opens the organization. */
export async function acceptWithPasswordAction(token: unknown, input: unknown): Promise<TActionFailure> {
  const parsedToken = ZInvitationToken.safeParse(token)
  if (!parsedToken.success) return membersFailure({ ok: false, code: 'invalid-link' })
  const parsed = ZAcceptWithPassword.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const limit = await consumeRateLimits([['signup-ip', await getClientIp()]])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  const requestHeaders = await headers()
  return unlessHashQueueFull(async () => {
    const result = await acceptInvitationWithPassword(parsedToken.data, parsed.data.password, requestHeaders)
    if (!result.ok) return membersFailure(result)
    redirect(routes.org(result.slug))
  })
}
