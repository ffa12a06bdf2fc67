import 'server-only'
import { APIError } from 'better-auth/api'
import { getAuth } from '@/lib/auth/server/auth'
import { createAdminAccount } from '@/lib/auth/server/admin-accounts'
import { recordAudit, type TActor } from '@/lib/audit/server/store'
import { failure } from '@/lib/forms/domain-result'
import type { TRole } from '@/lib/members/roles'
import { getPrisma } from '@/lib/server/db'
import * as store from './store'
import type { TMembersResult, TOrgRef } from './service'
import { hashToken } from './tokens'

// Accepting an invitation: by a signed-in admin whose address it was sent to, or by someone without an account, who
// chooses a password on the invitation page. The link proves the address receives mail, so it counts as verified.

export type TInvitationPreview =
  { status: 'usable'; org: TOrgRef; email: string; role: TRole; hasAccount: boolean } | { status: 'invalid-link' | 'expired' | 'used' }

/** What an invitation link leads to, without consuming it (the page decides what to show). */
export async function previewInvitation(token: string, now = new Date()): Promise<TInvitationPreview> {
  const found = await store.findInvitationByTokenHash(hashToken(token))
  if (!found) return { status: 'invalid-link' }
  if (found.acceptedAt || found.revokedAt) return { status: 'used' }
  if (found.expiresAt <= now) return { status: 'expired' }
  const hasAccount = (await store.findUserIdByEmail(await getPrisma(), found.email)) !== null
  return { status: 'usable', org: found.org, email: found.email, role: found.role, hasAccount }
}

/** The signed-in admin accepts: joins the organization with the invitation's role if the invitation is for their address. */
export async function acceptInvitation(token: string, user: TActor): Promise<TMembersResult<{ slug: string }>> {
  const preview = await previewInvitation(token)
  if (preview.status !== 'usable') return failure(preview.status)
  if (preview.email !== user.email.trim().toLowerCase()) return failure('wrong-address')
  return join(token, preview, user)
}

/** Someone without an account accepts: creates the account with `password` (signed in when `requestHeaders` carry a request) and joins. */
export async function acceptInvitationWithPassword(token: string, password: string, requestHeaders?: Headers): Promise<TMembersResult<{ slug: string }>> {
  const preview = await previewInvitation(token)
  if (preview.status !== 'usable') return failure(preview.status)
  if (preview.hasAccount) return failure('account-exists')
  let user: TActor
  try {
    const created = await createAdminAccount(preview.email, password)
    if (!created) return failure('account-exists')
    user = created
  } catch (error) {
    if (error instanceof APIError && error.body?.code === 'PASSWORD_TOO_SHORT') return failure('password-too-short', 'password')
    throw error
  }
  // no account may be left behind by an invitation that could not be used (revoked or used a moment ago)
  const undo = () => store.deleteUser(user.id).catch(() => {})
  try {
    const joined = await join(token, preview, user)
    if (!joined.ok) await undo()
    // sign-up never signs in (auth.ts): the invitation's link proves the address, so its page does
    else if (requestHeaders) await (await getAuth()).api.signInEmail({ body: { email: preview.email, password }, headers: requestHeaders })
    return joined
  } catch (error) {
    await undo()
    throw error
  }
}

async function join(token: string, invitation: { org: TOrgRef; email: string }, user: TActor): Promise<TMembersResult<{ slug: string }>> {
  const now = new Date()
  const found = await store.findInvitationByTokenHash(hashToken(token))
  if (!found) return failure('invalid-link')
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx): Promise<TMembersResult<{ slug: string }>> => {
    await store.lockOrgMembers(tx, invitation.org.id)
    // consumed first, under the lock: of two simultaneous accepts (two tabs, two people) exactly one wins
    if (!(await store.consumeInvitation(tx, found.id, now))) return failure(found.expiresAt <= now ? 'expired' : 'used')
    const isNew = await store.addMembership(tx, invitation.org.id, user.id, found.role)
    await store.markUserEmailVerified(tx, user.id)
    if (isNew) await recordAudit(tx, { orgId: invitation.org.id, actor: user, action: 'member_join', details: { email: invitation.email, role: found.role } })
    return { ok: true, slug: invitation.org.slug }
  })
}
