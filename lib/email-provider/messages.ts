// The words users read for each Email Provider failure code: services return codes, actions turn them into these.
import type { TActionFailure } from '@/lib/forms/action-result'
import type { TDomainFailure } from '@/lib/forms/domain-result'

export type TProviderFailureCode = 'conflict' | 'password-required' | 'username-required' | 'nothing-to-revert' | 'host-refused' | 'not-confirmed'

export const PROVIDER_MESSAGES: Record<Exclude<TProviderFailureCode, 'host-refused'>, string> = {
  conflict: 'These settings were changed by someone else since you opened this page. Reload to see the latest version, then make your change again.',
  'password-required': 'Enter the password again: the server changed',
  'username-required': 'Enter the username that goes with the saved password',
  'nothing-to-revert': 'There is no custom provider to revert: the default provider is already in use.',
  'not-confirmed': 'Tick the box to confirm that you want to revert to the default provider.',
}

export const CORRECT_THE_FIELDS = 'Please correct the highlighted fields.'

/** The action-layer answer for a service's failure code: on its field when it has one, else for the whole form. */
export function providerFailure(failure: TDomainFailure<TProviderFailureCode> & { detail?: string }): TActionFailure {
  const words = failure.code === 'host-refused' ? (failure.detail ?? 'This host cannot be used') : PROVIDER_MESSAGES[failure.code]
  if (failure.code === 'conflict') return { ok: false, message: words, code: 'conflict' }
  if (failure.field) return { ok: false, message: CORRECT_THE_FIELDS, fieldErrors: { [failure.field]: words } }
  return { ok: false, message: words }
}
