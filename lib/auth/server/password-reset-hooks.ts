import 'server-only'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { getLogger } from '@/lib/server/logger'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { adminResetPassword } from '@/lib/mail/server/templates/admin-reset-password'
import { recordAudit } from '@/lib/audit/server/store'
import { revokeCreatorKeys } from '@/lib/api-keys/server/store'
import * as members from '@/lib/members/server/store'
import { removeDisprovedClaimant } from '@/lib/members/server/service'
import { ownerNoticesQueued } from '@/lib/owner-notices/server/wake'
import { findFirstOrgId } from '@/lib/orgs/server/store'
import { routes } from '@/lib/routes'

// What Better Auth's reset flow calls back (auth.ts): the link's email, and what follows a reset.

export const ADMIN_RESET_TTL_SECONDS = 60 * 60
/** Better Auth's identifier prefix of reset links in the verification table. */
export const RESET_IDENTIFIER_PREFIX = 'reset-password:'

type TResetUser = { id: string; email: string; emailVerified: boolean }

/**
 * Better Auth's `sendResetPassword`: queues the email in the admin's first organization's outbox, which hands it to
 * the platform's default provider. An admin who belongs to no organization has no outbox and gets nothing.
 */
export async function queueAdminPasswordReset(user: { id: string; email: string }, token: string): Promise<void> {
  const orgId = await findFirstOrgId(user.id)
  if (!orgId) {
    getLogger().warn('[auth] a password reset was asked for an admin without an organization: no outbox carries it')
    return
  }
  const message = await adminResetPassword({ link: `${env.APP_URL}${routes.resetPassword(token)}` })
  const prisma = await getPrisma()
  await prisma.$transaction((tx) => enqueueEmail(tx, { orgId, kind: 'admin_reset', to: user.email, ...message }))
}

/**
 * Better Auth's `onPasswordReset` (the password is changed and every session deleted): audited in each of the
 * admin's organizations. The reset proves the address is theirs; an account never verified until now may have been
 * someone else's claim on it, so what it made in shared places goes: every API key it made, and its memberships of
 * organizations with other members (whose owners are told). Organizations it alone belongs to stay: nobody else is in them.
 */
export async function afterAdminPasswordReset(user: TResetUser): Promise<void> {
  const actor = { id: user.id, email: user.email }
  const prisma = await getPrisma()
  let toldOwners = false
  await prisma.$transaction(async (tx) => {
    for (const { org, role, memberCount } of await members.listMembershipsOf(tx, user.id)) {
      if (user.emailVerified) {
        await recordAudit(tx, { orgId: org.id, actor, action: 'admin_password_reset', details: { email: user.email } })
        continue
      }
      const leaves = memberCount > 1
      if (leaves) await removeDisprovedClaimant(tx, org, actor, role)
      else await revokeCreatorKeys(tx, org.id, actor, actor)
      toldOwners ||= leaves
      await recordAudit(tx, {
        orgId: org.id,
        actor,
        action: 'admin_password_reset',
        details: { email: user.email, role, reason: 'unverified-account', leaves },
      })
    }
    if (!user.emailVerified) await tx.user.update({ where: { id: user.id }, data: { emailVerified: true } })
  })
  if (toldOwners) ownerNoticesQueued()
}
