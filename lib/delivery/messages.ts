// The words admins read for each delivery failure code: services return codes, actions turn them into these.
import type { TActionFailure } from '@/lib/forms/action-result'
import type { TDomainFailure } from '@/lib/forms/domain-result'

export type TDeliveryFailureCode = 'not-waiting'

export const DELIVERY_MESSAGES: Record<TDeliveryFailureCode, string> = {
  'not-waiting': 'This email is no longer waiting for a retry (it was sent, failed or is being sent). Reload to see its status.',
}

/** The action failure for a delivery service's code. */
export function deliveryFailure(result: TDomainFailure<TDeliveryFailureCode>): TActionFailure {
  return { ok: false, message: DELIVERY_MESSAGES[result.code] }
}
