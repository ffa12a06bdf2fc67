'use server'

import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { announceProviderChange } from '@/lib/delivery/server/worker/provider-changes'
import { retryDeliveryNow } from '@/lib/delivery/server/health/retry-now'
import { wakeDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { deliveryFailure } from '@/lib/delivery/messages'
import type { TActionResult } from '@/lib/forms/action-result'
import { PERMISSIONS } from '@/lib/members/roles'

/** Retry now (Recent deliveries): a retrying or held email of the organization is tried at once. */
export async function retryDeliveryNowAction(slug: string, id: unknown): Promise<TActionResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return deliveryFailure({ ok: false, code: 'not-waiting' })
  const result = await retryDeliveryNow(access.org.id, access.admin, id)
  if (!result.ok) return deliveryFailure(result)
  // a held message lifted its organization's hold: this process's worker forgets the hold it knew of
  if (result.status === 'held') announceProviderChange(access.org.id)
  wakeDeliveryWorker()
  return { ok: true }
}
