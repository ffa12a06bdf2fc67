'use server'

import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { redirect } from 'next/navigation'
import { ZLogin } from '@/lib/auth/schema'
import { signInAdmin } from '@/lib/auth/server/admin-accounts'
import { getClientIp } from '@/lib/auth/server/request-context'
import { safeNextPath } from '@/lib/auth/safe-next'
import { consumeRateLimits, describeRetryAfter, loginDelayMs, resetRateLimit } from '@/lib/server/rate-limit'
import { authFailure } from '@/lib/auth/messages'
import { invalidInput, type TActionFailure } from '@/lib/forms/action-result'
import { routes } from '@/lib/routes'

export async function signInAction(input: unknown, next: unknown): Promise<TActionFailure> {
  const parsed = ZLogin.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const limit = await consumeRateLimits([['login-ip', await getClientIp()]])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  // Many attempts on one email slow every attempt on it down; none is refused (no lockout of the right password).
  const delayMs = await loginDelayMs(parsed.data.email)
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
  return unlessHashQueueFull(async () => {
    const result = await signInAdmin(parsed.data)
    if (!result.ok) return authFailure(result)
    await resetRateLimit('login-email', parsed.data.email)
    redirect(safeNextPath(next) ?? (result.slug ? routes.org(result.slug) : routes.home))
  })
}
