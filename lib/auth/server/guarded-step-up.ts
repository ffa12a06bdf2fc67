import 'server-only'
import { accountFailure, SESSION_ENDED } from '@/lib/auth/server/account-messages'
import type { TStepUp } from '@/lib/auth/account-schema'
import type { TActionFailure } from '@/lib/forms/action-result'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { getAuth } from './auth'
import { unlessHashQueueFull } from './hash-queue'
import { stampAuthenticated, systemClock, type TClock } from './recent-sign-in'
import { verifySignedInIdentity } from './two-factor'

/**
 * Confirm it's you: the signed-in admin's password (and, with two-factor on, the app's code or a recovery code) renew the session's proof of
 * who they are (recent-sign-in.ts), so the change that asked for it can go ahead. Limited like sign-in (per IP, the
 * hash queue) and per admin, so a stolen session cannot guess at length; a refusal here never ends the session.
 */
export async function guardedStepUp(requestHeaders: Headers, input: TStepUp, clock: TClock = systemClock): Promise<TActionFailure | { ok: true }> {
  const current = await (await getAuth()).api.getSession({ headers: requestHeaders })
  if (!current) return { ok: false, message: SESSION_ENDED }
  // scripts/start.mjs set the client's address (request-context.ts); a client-sent one was dropped by proxy.ts
  const ip = requestHeaders.get('x-client-ip') ?? 'unknown'
  const limit = await consumeRateLimits([
    ['login-ip', ip],
    ['step-up-admin', current.user.id],
  ])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  const isTwoFactorOn = current.user.twoFactorEnabled === true
  return unlessHashQueueFull(async () => {
    const result = await verifySignedInIdentity(requestHeaders, input, { userId: current.user.id, isTwoFactorOn })
    if (!result.ok) return accountFailure(result)
    await stampAuthenticated({ sessionId: current.session.id, userId: current.user.id, isTwoFactorOn }, clock)
    return { ok: true as const }
  })
}
