import 'server-only'
import { getPrisma } from '@/lib/server/db'
import { releaseHold } from './org-health'
import { announceProviderChange } from '../worker/provider-changes'
import { wakeDeliveryWorker } from '../worker/worker'

/** After new provider settings (Update or Revert): messages held by the old settings' failure are tried now. */
export async function retryHeldMessages(orgId: string): Promise<number> {
  const count = await releaseHold(await getPrisma(), orgId)
  announceProviderChange(orgId)
  wakeDeliveryWorker()
  return count
}
