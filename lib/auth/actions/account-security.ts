'use server'

import { redirect } from 'next/navigation'

import { headers } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { ZChangePassword, ZConfirmPassword, ZTotpCode } from '@/lib/auth/account-schema'
import { accountFailure, SESSION_ENDED, type TAccountFailureCode } from '@/lib/auth/server/account-messages'
import type { TDomainFailure } from '@/lib/forms/domain-result'
import { changeAdminPassword } from '@/lib/auth/server/account-password'
import { signOutOtherAdminSessions } from '@/lib/auth/server/admin-sessions'
import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { qrCodeDataUrl } from '@/lib/auth/server/qr-code'
import { getClientIp } from '@/lib/auth/server/request-context'
import { getCurrentAdmin } from '@/lib/auth/server/session'
import { confirmTwoFactorSetup, startTwoFactorSetup, turnOffTwoFactor } from '@/lib/auth/server/two-factor'
import { invalidInput, type TActionFailure, type TActionResult } from '@/lib/forms/action-result'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { routes } from '@/lib/routes'

const signedOut: TActionFailure = { ok: false, message: SESSION_ENDED }

// Checking a password costs a hash: limited like sign-in (per IP) and run through the hash queue; failures in words.
async function withPasswordCheck<T extends { ok: true }>(work: () => Promise<T | TDomainFailure<TAccountFailureCode>>): Promise<T | TActionFailure> {
  const limit = await consumeRateLimits([['login-ip', await getClientIp()]])
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  return unlessHashQueueFull(async () => {
    const result = await work()
    return result.ok ? result : accountFailure(result)
  })
}

/** Change password: the current one is checked; every other session is signed out. */
export async function changePasswordAction(input: unknown): Promise<TActionResult> {
  const parsed = ZChangePassword.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  if (!(await getCurrentAdmin())) return signedOut
  const requestHeaders = await headers()
  const result = await withPasswordCheck(() => changeAdminPassword(requestHeaders, parsed.data))
  if (!result.ok) return result
  // the session's cookie changed: a fresh form that says so (each change its own, so the form starts over)
  redirect(`${routes.accountSecurity}?password-changed=${Date.now()}`)
}

/** Turn on two-factor, first step: the password; answers the secret for the authenticator app. */
export async function startTwoFactorAction(input: unknown): Promise<TActionResult<{ qrCode: string; secret: string }>> {
  const parsed = ZConfirmPassword.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  if (!(await getCurrentAdmin())) return signedOut
  const requestHeaders = await headers()
  const result = await withPasswordCheck(() => startTwoFactorSetup(requestHeaders, parsed.data.password))
  if (!result.ok) return result
  return { ok: true, qrCode: await qrCodeDataUrl(result.totpURI), secret: result.secret }
}

/** Turn on two-factor, second step: a code from the app; answers the recovery codes, this once. */
export async function confirmTwoFactorAction(input: unknown): Promise<TActionResult<{ recoveryCodes: string[] }>> {
  const parsed = ZTotpCode.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const admin = await getCurrentAdmin()
  if (!admin) return signedOut
  const result = await confirmTwoFactorSetup(await headers(), admin.id, parsed.data.code)
  if (!result.ok) return accountFailure(result)
  return { ok: true, recoveryCodes: result.recoveryCodes }
}

/** Turn off two-factor: the password is checked. */
export async function turnOffTwoFactorAction(input: unknown): Promise<TActionResult> {
  const parsed = ZConfirmPassword.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  if (!(await getCurrentAdmin())) return signedOut
  const requestHeaders = await headers()
  const result = await withPasswordCheck(() => turnOffTwoFactor(requestHeaders, parsed.data.password))
  if (!result.ok) return result
  revalidatePath(routes.accountSecurity)
  return { ok: true }
}

/** Sign out other sessions: every session of the admin but this one ends. */
export async function signOutOtherSessionsAction(): Promise<TActionResult> {
  if (!(await getCurrentAdmin())) return signedOut
  await signOutOtherAdminSessions(await headers())
  revalidatePath(routes.accountSecurity)
  return { ok: true }
}
