// The words users read for each API key failure code: services return codes, actions turn them into these.
import type { TActionFailure } from '@/lib/forms/action-result'

export type TApiKeyFailureCode = 'not-found' | 'already-revoked'

const MESSAGES: Record<TApiKeyFailureCode, string> = {
  'not-found': 'This API key no longer exists. Reload the page to see the current keys.',
  'already-revoked': 'This API key is already revoked.',
}

/** The action-layer answer for an API key service's failure code. */
export function apiKeyFailure(code: TApiKeyFailureCode): TActionFailure {
  return { ok: false, message: MESSAGES[code] }
}
