import 'server-only'
import { headers } from 'next/headers'
import { APIError } from 'better-auth/api'
import { createOrganizationWithOwner, findFirstOrgSlug } from '@/lib/orgs/server/store'
import { queueAdminVerification } from './email-verification'
import { getPrisma } from '@/lib/server/db'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TAuthFailureCode } from '@/lib/auth/messages'
import { getAuth } from './auth'
import type { TAdminSignup, TLogin } from '@/lib/auth/schema'

/**
 * Creates the admin (not signed in: the verification link does that) and their organization, and queues the
 * verification email.
 * A registered address creates nothing and answers `existing` after the same password hash (about the same time):
 * the action answers both alike and emails that address instead.
 */
export async function signUpAdmin(input: TAdminSignup): Promise<TDomainResult<{ outcome: 'created' | 'existing' }, TAuthFailureCode>> {
  let user: { id: string; email: string } | null
  try {
    user = await createAdminAccount(input.email, input.password)
  } catch (error) {
    if (error instanceof APIError && error.body?.code === 'PASSWORD_TOO_SHORT') return failure('password-too-short', 'password')
    throw error
  }
  if (!user) return { ok: true, outcome: 'existing' }
  const prisma = await getPrisma()
  let orgId: string | undefined
  try {
    orgId = (await createOrganizationWithOwner(user.id, input.orgName)).id
    await prisma.$transaction((tx) => queueAdminVerification(tx, user, orgId!))
    return { ok: true, outcome: 'created' }
  } catch (error) {
    // no account may be left half made: undo the organization and the user (sessions and password go with it)
    if (orgId) await prisma.organization.delete({ where: { id: orgId } }).catch(() => {})
    await prisma.user.delete({ where: { id: user.id } }).catch(() => {})
    throw error
  }
}

/**
 * Creates a console account (Better Auth's sign-up, which never signs in: auth.ts), or null when the address has one.
 * Better Auth answers a registered address like a new one, with a made-up user, after the same password hash.
 */
export async function createAdminAccount(email: string, password: string): Promise<{ id: string; email: string } | null> {
  const auth = await getAuth()
  const { user } = await auth.api.signUpEmail({ body: { email, password, name: email.split('@')[0] ?? email } })
  const prisma = await getPrisma()
  const stored = await prisma.user.findUnique({ where: { id: user.id }, select: { id: true, email: true } })
  return stored
}

/** Where a right password leads: the console (session started), or the second step when two-factor is on. */
export type TSignInOutcome = { twoFactor: false; slug: string | null } | { twoFactor: true }

/**
 * Signs the admin in; one generic message for a wrong email or password (no account enumeration). With two-factor on,
 * no session starts yet: Better Auth sets its short-lived two-factor cookie and the code completes the sign-in.
 */
export async function signInAdmin(input: TLogin): Promise<TDomainResult<TSignInOutcome, TAuthFailureCode>> {
  const auth = await getAuth()
  try {
    const result = await auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers: await headers() })
    if ('twoFactorRedirect' in result && result.twoFactorRedirect) return { ok: true, twoFactor: true }
    if (!('user' in result)) throw new Error('sign-in answered neither a session nor a two-factor step')
    return { ok: true, twoFactor: false, slug: await findFirstOrgSlug(result.user.id) }
  } catch (error) {
    if (error instanceof APIError && error.status !== 'INTERNAL_SERVER_ERROR') {
      return failure('bad-credentials')
    }
    throw error
  }
}

/** Ends the current session (deletes it from the database and clears the cookie). */
export async function signOutAdmin() {
  const auth = await getAuth()
  await auth.api.signOut({ headers: await headers() })
}
