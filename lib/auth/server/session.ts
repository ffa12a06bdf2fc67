import 'server-only'
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { findOrgAccess, type TOrgAccess, type TRole } from '@/lib/orgs/server/store'
import { getAuth } from './auth'
import { routes } from '@/lib/routes'
import type { TSessionRef } from './recent-sign-in'

export type TAdmin = { id: string; email: string; name: string; emailVerified: boolean }

/** The signed-in console admin, or null. */
export async function getCurrentAdmin(): Promise<TAdmin | null> {
  return (await getCurrentAdminSession())?.admin ?? null
}

/** The signed-in console admin and their session (for step-up: recent-sign-in.ts), or null. Never sent to the browser. */
export async function getCurrentAdminSession(): Promise<{ admin: TAdmin; session: TSessionRef } | null> {
  const requestHeaders = await headers() // first: marks the page dynamic before anything touches the database
  const auth = await getAuth()
  const current = await auth.api.getSession({ headers: requestHeaders })
  if (!current) return null
  const { user } = current
  return {
    admin: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified },
    session: { sessionId: current.session.id, userId: user.id, isTwoFactorOn: user.twoFactorEnabled === true },
  }
}

/** The path being rendered, as set by proxy.ts, for `?next=` after login. */
async function currentPath(fallback: string): Promise<string> {
  return (await headers()).get('x-pathname') ?? fallback
}

/**
 * The admin and their role in organization `slug`. Anonymous visitors are sent to /login;
 * non-members (and members without one of `roles`) get a 404, so organizations cannot be probed. A member without
 * two-factor, of an organization that requires it, is sent to set it up (Account › Security) first.
 */
export async function requireOrgAccess(slug: string, roles: readonly TRole[] = ['owner', 'admin', 'viewer']) {
  const admin = await getCurrentAdmin()
  if (!admin) redirect(routes.loginThen(await currentPath(routes.org(slug))))
  const access = await findOrgAccess(admin.id, slug)
  if (!access || !roles.includes(access.role)) notFound()
  if (isTwoFactorMissing(access)) redirect(routes.accountSecurityRequiredBy(access.org.slug))
  return { admin, ...access }
}

/** Whether the organization requires two-factor authentication and this member has not turned it on. */
export function isTwoFactorMissing(access: TOrgAccess): boolean {
  return access.twoFactor.isRequired && !access.twoFactor.isOn
}

/** Roles that may view and change organization settings. */
export const SETTINGS_ROLES: readonly TRole[] = ['owner', 'admin']
