'use server'

import { after } from 'next/server'
import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { requestAdminPasswordReset, resetAdminPassword } from '@/lib/auth/server/password-reset'
import { getClientIp } from '@/lib/auth/server/request-context'
import { invalidInput, type TActionResult } from '@/lib/forms/action-result'
import { ZLinkToken, ZPasswordReset, ZRecoveryRequest } from '@/lib/org-users/schema'
import type { TResetPasswordResult } from '@/lib/org-users/actions/reset'
import { consumeAddressRequestLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { getLogger } from '@/lib/server/logger'

/** Forgot password: emails a reset link if the address has an account; the same answer, as fast, either way. */
export async function requestAdminPasswordResetAction(input: unknown): Promise<TActionResult> {
  const parsed = ZRecoveryRequest.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const limit = await consumeAddressRequestLimits('admin-recover', await getClientIp(), parsed.data.email)
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  if (limit.sendEmail) {
    after(() =>
      requestAdminPasswordReset(parsed.data.email).catch((error) =>
        getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[auth] queueing a password-reset email failed'),
      ),
    )
  }
  return { ok: true }
}

/** Sets the new password with the emailed link's token (only this POST uses the link); a bad link is reported as such. */
export async function resetAdminPasswordAction(token: unknown, input: unknown): Promise<TResetPasswordResult> {
  const parsed = ZPasswordReset.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const linkInvalid = { ok: false, isLinkInvalid: true, message: 'This link is invalid or has expired.' } as const
  const parsedToken = ZLinkToken.safeParse(token)
  if (!parsedToken.success) return linkInvalid
  return unlessHashQueueFull(async () => ((await resetAdminPassword(parsedToken.data, parsed.data.password)) ? { ok: true } : linkInvalid))
}
