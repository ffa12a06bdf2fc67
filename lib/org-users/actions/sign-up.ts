'use server'

import { getClientIp } from '@/lib/auth/server/request-context'
import { invalidInput, type TActionResult } from '@/lib/forms/action-result'
import { signUpOrgUser } from '@/lib/org-users/server/flows'
import { ZOrgUserSignup } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { wakeDeliveryWorker } from '@/lib/delivery/server/worker'

/** Signs a user up to organization `slug`; the answer never tells whether the address was already registered. */
export async function signUpOrgUserAction(slug: string, input: unknown): Promise<TActionResult> {
  const parsed = ZOrgUserSignup.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const org = await findPublicOrg(slug)
  if (!org) return { ok: false, message: 'This organization does not exist.' }
  const limit = await consumeRateLimits([
    ['org-user-signup-ip', await getClientIp()],
    ['org-user-email', `${org.id}:${parsed.data.email}`],
  ])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  const result = await signUpOrgUser(org, parsed.data)
  wakeDeliveryWorker() // the email is committed: send it now rather than at the next poll
  return result
}
