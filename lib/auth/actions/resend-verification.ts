'use server'

import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { resendAdminVerification } from '@/lib/auth/server/email-verification'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import type { TActionResult } from '@/lib/forms/action-result'
import { ROLES } from '@/lib/members/roles'
import { capturedTexts } from '@/lib/delivery/captured-texts'
import { isPlatformMailCaptured } from '@/lib/delivery/server/platform-mail'

/** The banner's Resend email: a new verification link (older ones stop working), a few an hour. */
export async function resendVerificationAction(slug: string): Promise<TActionResult<{ message: string }>> {
  const access = await authorizeOrgAction(slug, ROLES)
  if (!access.ok) return access
  const limit = await consumeRateLimits([['admin-verify-resend', access.admin.id]])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  const isSent = await resendAdminVerification(access.admin.id, access.org.id)
  if (!isSent) return { ok: true, message: 'Your email address is already confirmed.' }
  const { email } = access.admin
  return { ok: true, message: isPlatformMailCaptured() ? capturedTexts.newVerificationLink(email) : `We sent a new link to ${email}.` }
}
