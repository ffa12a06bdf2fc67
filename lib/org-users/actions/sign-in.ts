'use server'

import { redirect } from 'next/navigation'
import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { authFailure } from '@/lib/auth/messages'
import { getClientIp } from '@/lib/auth/server/request-context'
import { invalidInput, type TActionFailure } from '@/lib/forms/action-result'
import { signInOrgUser } from '@/lib/org-users/server/flows'
import { setSessionCookie } from '@/lib/org-users/server/session-cookie'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { safeOrgNextPath } from '@/lib/org-users/safe-next'
import { ZOrgUserLogin } from '@/lib/org-users/schema'
import { clientNetwork } from '@/lib/server/net/ip-bucket'
import { consumeSignInLimits, describeRetryAfter, forgetSignInAttempts } from '@/lib/server/rate-limit'
import { routes } from '@/lib/routes'

export type TOrgSignInFailure = TActionFailure & { isUnverified?: true }

const VERIFY_FIRST = 'Verify your email address first: open the link in the email we sent you when you signed up.'

/** Signs a user in to organization `slug`, then continues to `next` (a page of the organization) or their account. */
export async function signInOrgUserAction(slug: string, input: unknown, next: unknown): Promise<TOrgSignInFailure> {
  const parsed = ZOrgUserLogin.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const org = await findPublicOrg(slug)
  if (!org) return { ok: false, message: 'This organization does not exist.' }
  const clientIp = await getClientIp()
  const address = `${org.id}:${parsed.data.email}`
  const limit = await consumeSignInLimits(clientIp, address)
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  return unlessHashQueueFull(async () => {
    const result = await signInOrgUser(org, parsed.data, clientNetwork(clientIp))
    if (!result.ok && result.reason === 'unverified') return { ok: false, isUnverified: true, message: VERIFY_FIRST }
    if (!result.ok) return authFailure({ ok: false, code: 'bad-credentials' })
    await setSessionCookie(org.slug, result.token, result.expiresAt)
    await forgetSignInAttempts(clientIp, address)
    redirect(safeOrgNextPath(org.slug, next) ?? routes.orgUserPage(org.slug, 'account'))
  })
}
