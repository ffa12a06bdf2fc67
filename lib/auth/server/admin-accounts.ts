import 'server-only'
import { headers } from 'next/headers'
import { APIError } from 'better-auth/api'
import { createOrganizationWithOwner, findFirstOrgSlug } from '@/lib/orgs/server/store'
import { getPrisma } from '@/lib/server/db'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TAuthFailureCode } from '@/lib/auth/messages'
import { getAuth } from './auth'
import type { TAdminSignup, TLogin } from '@/lib/auth/schema'

/** Creates the admin (signed in by the session cookie) and their organization; returns its slug. */
export async function signUpAdmin(input: TAdminSignup): Promise<TDomainResult<{ slug: string }, TAuthFailureCode>> {
  const auth = await getAuth()
  let userId: string
  try {
    const result = await auth.api.signUpEmail({
      body: { email: input.email, password: input.password, name: input.email.split('@')[0] ?? input.email },
      headers: await headers(),
    })
    userId = result.user.id
  } catch (error) {
    if (error instanceof APIError && String(error.body?.code ?? '').startsWith('USER_ALREADY_EXISTS')) {
      return failure('email-taken', 'email')
    }
    if (error instanceof APIError && error.body?.code === 'PASSWORD_TOO_SHORT') {
      return failure('password-too-short', 'password')
    }
    throw error
  }
  try {
    const org = await createOrganizationWithOwner(userId, input.orgName)
    return { ok: true, slug: org.slug }
  } catch (error) {
    // no account may be left without its organization: undo the user (sessions and password go with it)
    await (await getPrisma()).user.delete({ where: { id: userId } }).catch(() => {})
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
