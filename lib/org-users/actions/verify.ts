'use server'

import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { invalidInput, type TActionFailure, type TActionResult } from '@/lib/forms/action-result'
import { verifyOrgUserEmail } from '@/lib/org-users/server/flows'
import { ZEmailVerification, ZLinkToken } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'

export type TVerifyEmailResult = TActionResult | (TActionFailure & { isLinkInvalid: true })

const WRONG_SIGNUP_PASSWORD = 'This is not the password chosen at sign-up.'

/** Consumes the emailed verification link's token: only this POST verifies (never a scanner's GET), with the sign-up password. */
export async function verifyEmailAction(slug: string, token: unknown, input: unknown): Promise<TVerifyEmailResult> {
  const parsed = ZEmailVerification.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const linkInvalid = { ok: false, isLinkInvalid: true, message: 'This link is invalid or has expired.' } as const
  const parsedToken = ZLinkToken.safeParse(token)
  const org = await findPublicOrg(slug)
  if (!parsedToken.success || !org) return linkInvalid
  return unlessHashQueueFull(async () => {
    const result = await verifyOrgUserEmail(org, parsedToken.data, parsed.data)
    if (result.ok) return { ok: true }
    if (result.reason === 'wrong-password') return { ok: false, fieldErrors: { password: WRONG_SIGNUP_PASSWORD } }
    return linkInvalid
  })
}
