'use server'

import { redirect } from 'next/navigation'
import { ZEmailVerification, ZLinkToken } from '@/lib/org-users/schema'
import { findAdminOfVerifyLink, verifyAdminEmail } from '@/lib/auth/server/email-verification'
import { guardedSignIn } from '@/lib/auth/server/guarded-sign-in'
import { invalidInput, type TActionFailure } from '@/lib/forms/action-result'
import { routes } from '@/lib/routes'

export type TVerifyAdminEmailResult = TActionFailure | (TActionFailure & { isLinkInvalid: true })

/**
 * The emailed link's POST (never the GET a mail scanner makes), with the password chosen at sign-up: it verifies
 * the address and starts the session, in any browser. Someone who does not know that password resets it instead.
 */
export async function verifyAdminEmailAction(token: unknown, input: unknown): Promise<TVerifyAdminEmailResult> {
  const parsed = ZEmailVerification.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const linkInvalid = { ok: false, isLinkInvalid: true, message: 'This link is invalid or has expired.' } as const
  const parsedToken = ZLinkToken.safeParse(token)
  const email = parsedToken.success ? await findAdminOfVerifyLink(parsedToken.data) : null
  if (!parsedToken.success || !email) return linkInvalid
  const wrongPassword = { ok: false, fieldErrors: { password: 'This is not the password chosen at sign-up.' } } as const
  const signedIn = await guardedSignIn({ email, password: parsed.data.password }, wrongPassword)
  if (!signedIn.ok) return signedIn
  // a second POST of the same link a moment ago verified it already: signed in all the same
  await verifyAdminEmail(parsedToken.data)
  if (signedIn.twoFactor) redirect(routes.loginCode())
  redirect(signedIn.slug ? routes.org(signedIn.slug) : routes.home)
}
