// The words console admins read for each sign-up and sign-in failure code.
import type { TActionFailure } from '@/lib/forms/action-result'
import type { TDomainFailure } from '@/lib/forms/domain-result'

export type TAuthFailureCode = 'email-taken' | 'password-too-short' | 'bad-credentials'

const AUTH_MESSAGES: Record<TAuthFailureCode, string> = {
  'email-taken': 'An account with this email already exists. Sign in instead.',
  'password-too-short': 'Use at least 10 characters',
  // one message for a wrong email or password: no account enumeration
  'bad-credentials': 'Incorrect email or password.',
}

/** The action-layer answer for a sign-up or sign-in failure code. */
export function authFailure(failure: TDomainFailure<TAuthFailureCode>): TActionFailure {
  const words = AUTH_MESSAGES[failure.code]
  return failure.field ? { ok: false, fieldErrors: { [failure.field]: words } } : { ok: false, message: words }
}

/** The answer when the password-hash queue is full: busy for a few seconds, nothing wrong with the input. */
export function busyFailure(retryAfterSeconds: number): TActionFailure {
  return { ok: false, message: `The server is busy right now. Please try again in ${retryAfterSeconds} seconds.` }
}
