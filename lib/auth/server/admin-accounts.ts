import 'server-only'
import { headers } from 'next/headers'
import { APIError } from 'better-auth/api'
import { createOrganizationWithOwner, findFirstOrgSlug } from '@/lib/orgs/server/store'
import { queueAdminVerification } from './email-verification'
import { hashPassword } from './password'
import { getPrisma } from '@/lib/server/db'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TAuthFailureCode } from '@/lib/auth/messages'
import { getAuth } from './auth'
import type { TAdminSignup, TLogin } from '@/lib/auth/schema'

/**
 * Creates the admin (signed in by the session cookie) and their organization, and queues the verification email.
 * A registered address creates nothing and answers `existing` after the same password hash (about the same time):
 * the action answers both alike and emails that address instead.
 */
export async function signUpAdmin(input: TAdminSignup): Promise<TDomainResult<{ outcome: 'created' | 'existing' }, TAuthFailureCode>> {
  const auth = await getAuth()
  let user: { id: string; email: string }
  try {
    const result = await auth.api.signUpEmail({
      body: { email: input.email, password: input.password, name: input.email.split('@')[0] ?? input.email },
      headers: await headers(),
    })
    user = result.user
  } catch (error) {
    if (error instanceof APIError && String(error.body?.code ?? '').startsWith('USER_ALREADY_EXISTS')) {
      await hashPassword(input.password)
      return { ok: true, outcome: 'existing' }
    }
    if (error instanceof APIError && error.body?.code === 'PASSWORD_TOO_SHORT') {
      return failure('password-too-short', 'password')
    }
    throw error
  }
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

/** Signs the admin in; one generic message for a wrong email or password (no account enumeration). */
export async function signInAdmin(input: TLogin): Promise<TDomainResult<{ slug: string | null }, TAuthFailureCode>> {
  const auth = await getAuth()
  try {
    const result = await auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers: await headers() })
    return { ok: true, slug: await findFirstOrgSlug(result.user.id) }
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
