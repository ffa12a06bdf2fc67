// The words users read for each Email Provider failure code: services return codes, actions turn them into these.
import { INVALID_INPUT, type TActionFailure } from '@/lib/forms/action-result'
import type { TDomainFailure } from '@/lib/forms/domain-result'
import type { TSecretField } from './fields'
import { stepUpFailure, type TStepUpRequired } from '@/lib/auth/messages'

export type TProviderFailureCode =
  'conflict' | 'secret-required' | 'secret-again' | 'secret-unreadable' | 'nothing-to-revert' | 'host-refused' | 'not-confirmed'

const FORM_MESSAGES = {
  conflict: 'These settings were changed by someone else since you opened this page. Reload to see the latest version, then make your change again.',
  'nothing-to-revert': 'There is no custom provider to revert: the default provider is already in use.',
  'not-confirmed': 'Tick the box to confirm that you want to revert to the default provider.',
} as const

const SECRET_MESSAGES: Record<'secret-required' | 'secret-again' | 'secret-unreadable', Record<TSecretField, string>> = {
  'secret-required': {
    password: 'Enter the password for this username',
    clientSecret: 'Enter the client secret of the app registration',
    serviceAccountKey: 'Paste the service account key (the JSON file)',
    apiKey: 'Enter the API key',
  },
  'secret-again': {
    password: 'Enter the password again: the server changed',
    clientSecret: 'Enter the client secret again: the server, token endpoint, app or mailbox changed',
    serviceAccountKey: 'Paste the service account key again: the server or user changed',
    apiKey: 'Enter the API key again: the service or sending method changed',
  },
  'secret-unreadable': {
    password: 'The saved password can no longer be read (the encryption key changed): enter it again',
    clientSecret: 'The saved client secret can no longer be read (the encryption key changed): enter it again',
    serviceAccountKey: 'The saved service account key can no longer be read (the encryption key changed): paste it again',
    apiKey: 'The saved API key can no longer be read (the encryption key changed): enter it again',
  },
}

export const CORRECT_THE_FIELDS = INVALID_INPUT

type TProviderFailure = TDomainFailure<TProviderFailureCode> & { detail?: string }

/** The action-layer answer for a service's failure code: on its field when it has one, else for the whole form. */
export function providerFailure(failure: TProviderFailure | TStepUpRequired): TActionFailure {
  if (failure.code === 'step-up-required') return stepUpFailure(failure.isCodeRequired)
  if (failure.code === 'conflict') return { ok: false, message: FORM_MESSAGES.conflict, code: 'conflict' }
  const words = wordsFor(failure)
  if (failure.field) return { ok: false, message: CORRECT_THE_FIELDS, fieldErrors: { [failure.field]: words } }
  return { ok: false, message: words }
}

function wordsFor({ code, field, detail }: TProviderFailure): string {
  if (code === 'secret-required' || code === 'secret-again' || code === 'secret-unreadable') return SECRET_MESSAGES[code][field as TSecretField]
  if (code === 'host-refused') return detail ?? 'This host cannot be used'
  return FORM_MESSAGES[code]
}
