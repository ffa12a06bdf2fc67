'use server'

import { HASH_BUSY_RETRY_AFTER_SECONDS, isHashQueueFull } from '@/lib/auth/server/password'
import { redirect } from 'next/navigation'
import { ZAdminSignup } from '@/lib/auth/schema'
import { signUpAdmin } from '@/lib/auth/server/admin-accounts'
import { getClientIp } from '@/lib/auth/server/request-context'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { authFailure, busyFailure } from '@/lib/auth/messages'
import { invalidInput, type TActionFailure } from '@/lib/forms/action-result'
import { routes } from '@/lib/routes'

export async function signUpAction(input: unknown): Promise<TActionFailure> {
  const parsed = ZAdminSignup.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const limit = await consumeRateLimits([
    ['signup-ip', await getClientIp()],
    ['signup-email', parsed.data.email],
  ])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  if (isHashQueueFull()) return busyFailure(HASH_BUSY_RETRY_AFTER_SECONDS)
  const result = await signUpAdmin(parsed.data)
  if (!result.ok) return authFailure(result)
  redirect(routes.org(result.slug))
}
