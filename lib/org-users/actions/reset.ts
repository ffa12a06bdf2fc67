'use server'

import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { invalidInput, type TActionFailure, type TActionResult } from '@/lib/forms/action-result'
import { resetPassword } from '@/lib/org-users/server/flows'
import { ZLinkToken, ZPasswordReset } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'

export type TResetPasswordResult = TActionResult | (TActionFailure & { isLinkInvalid: true })

/** Sets a new password with the emailed reset link's token; a bad, used or expired link is reported as such. */
export async function resetPasswordAction(slug: string, token: unknown, input: unknown): Promise<TResetPasswordResult> {
  const parsed = ZPasswordReset.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const linkInvalid = { ok: false, isLinkInvalid: true, message: 'This link is invalid or has expired.' } as const
  const parsedToken = ZLinkToken.safeParse(token)
  const org = await findPublicOrg(slug)
  if (!parsedToken.success || !org) return linkInvalid
  return unlessHashQueueFull(async () => ((await resetPassword(org, parsedToken.data, parsed.data)).ok ? { ok: true } : linkInvalid))
}
