// The words console admins read for each sign-up and sign-in failure code.
import { busyMessage, type TActionFailure } from '@/lib/forms/action-result'
import type { TDomainFailure } from '@/lib/forms/domain-result'
import { DEFAULT_DAILY_LIMIT } from '@/lib/delivery/limits'

export type TAuthFailureCode = 'password-too-short' | 'bad-credentials'

const AUTH_MESSAGES: Record<TAuthFailureCode, string> = {
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
  return { ok: false, message: busyMessage(retryAfterSeconds) }
}

/** Why an unconfirmed address matters (the platform default's daily limit, lib/delivery/server/worker/default-quota.ts). */
export const DEFAULT_DAILY_LIMIT_TEXT = `Until an owner of the organization confirms their address, it can send at most ${DEFAULT_DAILY_LIMIT} emails a day through the platform’s default provider.`

/** A service's answer when the change needs a recent sign-in (lib/auth/server/recent-sign-in.ts). */
export type TStepUpRequired = { ok: false; code: 'step-up-required'; isCodeRequired: boolean }

/** What a change that needs a recent sign-in answers; the console's Confirm it's you dialog takes it from there. */
export function stepUpFailure(isCodeRequired: boolean): TActionFailure {
  return { ok: false, code: 'step-up-required', stepUp: { isCodeRequired }, message: 'Confirm it’s you to make this change.' }
}
