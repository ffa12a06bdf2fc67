// The words console admins read for each Account › Security and second-sign-in-step failure code.
import 'server-only'
import type { TActionFailure } from '@/lib/forms/action-result'
import type { TDomainFailure } from '@/lib/forms/domain-result'
import type { TChangePasswordFailure } from './account-password'
import type { TTwoFactorFailure } from './two-factor'

export const SESSION_ENDED = 'Your session has ended. Sign in again to continue.'

export type TAccountFailureCode = TChangePasswordFailure | TTwoFactorFailure

const MESSAGES: Record<TAccountFailureCode, string> = {
  'wrong-password': 'This is not your current password.',
  'password-too-short': 'Use at least 10 characters',
  'signed-out': SESSION_ENDED,
  'wrong-code': 'This code is not correct. Check it and try again.',
  expired: 'This sign-in has expired. Sign in again with your email and password.',
  locked: 'Too many wrong codes. Two-factor sign-in for this account is paused for 15 minutes.',
}

/** The action-layer answer for an account-security failure code (at its field when it has one). */
export function accountFailure(failure: TDomainFailure<TAccountFailureCode>): TActionFailure {
  const words = MESSAGES[failure.code]
  return failure.field ? { ok: false, fieldErrors: { [failure.field]: words } } : { ok: false, message: words }
}

/** Why an organization's action was refused to a member without two-factor, when the organization requires it. */
export function twoFactorRequiredMessage(orgName: string): string {
  return `${orgName} requires two-factor authentication. Turn it on under Account › Security, then try again.`
}
