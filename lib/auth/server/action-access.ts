import 'server-only'
import { findOrgAccess, type TOrgAccess, type TRole } from '@/lib/orgs/server/store'
import type { TActionFailure } from '@/lib/forms/action-result'
import { recentSignInOf, type TRecentSignInCheck } from './recent-sign-in'
import { getCurrentAdminSession, isTwoFactorMissing, SETTINGS_ROLES, type TAdmin } from './session'
import { twoFactorRequiredMessage } from './account-messages'

type TGranted = { ok: true; admin: TAdmin } & TOrgAccess

/**
 * Server Actions check membership themselves (never only the page): the admin must hold one of `roles` in `slug`.
 * `recentSignIn` is the session's step-up check, for the changes that need a recent sign-in (recent-sign-in.ts).
 */
export async function authorizeOrgAction(
  slug: unknown,
  roles: readonly TRole[] = SETTINGS_ROLES,
): Promise<(TGranted & { recentSignIn: TRecentSignInCheck }) | TActionFailure> {
  const current = await getCurrentAdminSession()
  if (!current) return { ok: false, message: 'Your session has ended. Sign in again to continue.' }
  const granted = await authorizeAdmin(current.admin, slug, roles)
  return granted.ok ? { ...granted, recentSignIn: recentSignInOf(current.session) } : granted
}

/** The check behind authorizeOrgAction, for a known admin: a member of `slug` holding one of `roles` (with two-factor on when it requires it). */
export async function authorizeAdmin(admin: TAdmin, slug: unknown, roles: readonly TRole[]): Promise<TGranted | TActionFailure> {
  const access = typeof slug === 'string' && slug.length <= 100 ? await findOrgAccess(admin.id, slug) : null
  if (!access || !roles.includes(access.role)) return { ok: false, message: 'You do not have permission to change this organization’s settings.' }
  // the pages send such a member to set it up; a request made anyway (an open tab, a forged one) is refused the same
  if (isTwoFactorMissing(access)) return { ok: false, message: twoFactorRequiredMessage(access.org.name) }
  return { ok: true, admin, ...access }
}
