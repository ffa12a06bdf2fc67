import 'server-only'
import type { TLogin } from '@/lib/auth/schema'
import { authFailure } from '@/lib/auth/messages'
import type { TActionFailure } from '@/lib/forms/action-result'
import { consumeRateLimits, describeRetryAfter, loginDelayMs, resetRateLimit } from '@/lib/server/rate-limit'
import { signInAdmin, type TSignInOutcome } from './admin-accounts'
import { unlessHashQueueFull } from './hash-queue'
import { getClientIp } from './request-context'

/**
 * Signs a console admin in (the session cookie is set) under the sign-in limits: per IP, a growing delay per address
 * (never a refusal: no lockout of the right password), and the password-hash queue. Sign-in and the verification
 * link's page both check a password this way; `wrongPassword` is its answer for a wrong password (else sign-in's).
 * With two-factor on, the right password answers `twoFactor: true` and the code is asked next (guardedSecondFactor).
 */
export async function guardedSignIn(input: TLogin, wrongPassword?: TActionFailure): Promise<TActionFailure | ({ ok: true } & TSignInOutcome)> {
  const limit = await consumeRateLimits([['login-ip', await getClientIp()]])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  const delayMs = await loginDelayMs(input.email)
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
  return unlessHashQueueFull(async () => {
    const result = await signInAdmin(input)
    if (!result.ok) return result.code === 'bad-credentials' && wrongPassword ? wrongPassword : authFailure(result)
    await resetRateLimit('login-email', input.email)
    return result
  })
}
