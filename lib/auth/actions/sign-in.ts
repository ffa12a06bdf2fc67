'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { ZLogin } from '@/lib/auth/schema'
import { ZRecoveryCode, ZTotpCode } from '@/lib/auth/account-schema'
import { guardedSignIn } from '@/lib/auth/server/guarded-sign-in'
import { guardedSecondFactor } from '@/lib/auth/server/guarded-second-factor'
import { safeNextPath } from '@/lib/auth/safe-next'
import { invalidInput, type TActionFailure } from '@/lib/forms/action-result'
import { findFirstOrgSlug } from '@/lib/orgs/server/store'
import { routes } from '@/lib/routes'

export async function signInAction(input: unknown, next: unknown): Promise<TActionFailure> {
  const parsed = ZLogin.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const result = await guardedSignIn(parsed.data)
  if (!result.ok) return result
  const nextPath = safeNextPath(next) ?? undefined
  if (result.twoFactor) redirect(routes.loginCode(nextPath))
  redirect(nextPath ?? (result.slug ? routes.org(result.slug) : routes.home))
}

/** Sign-in's second step: `kind` says whether `input.code` comes from the authenticator app or is a recovery code. */
export async function verifySecondFactorAction(kind: unknown, input: unknown, next: unknown): Promise<TActionFailure> {
  const isRecovery = kind === 'recovery'
  const parsed = (isRecovery ? ZRecoveryCode : ZTotpCode).safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const result = await guardedSecondFactor(await headers(), isRecovery ? 'recovery' : 'totp', parsed.data.code)
  if (!result.ok) return result
  const slug = await findFirstOrgSlug(result.userId)
  redirect(safeNextPath(next) ?? (slug ? routes.org(slug) : routes.home))
}
