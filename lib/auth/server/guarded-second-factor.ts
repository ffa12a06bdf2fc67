import 'server-only'
import { accountFailure } from '@/lib/auth/server/account-messages'
import type { TActionFailure } from '@/lib/forms/action-result'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { getClientIp } from './request-context'
import { verifySecondFactor } from './two-factor'

/**
 * The second sign-in step under sign-in's per-IP limit; Better Auth adds its own: five wrong codes end the challenge
 * (sign in again) and ten in a row lock the account's two-factor sign-in for 15 minutes.
 */
export async function guardedSecondFactor(
  requestHeaders: Headers,
  kind: 'totp' | 'recovery',
  code: string,
): Promise<TActionFailure | { ok: true; userId: string }> {
  const limit = await consumeRateLimits([['login-ip', await getClientIp()]])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  const result = await verifySecondFactor(requestHeaders, kind, code)
  return result.ok ? result : accountFailure(result)
}
