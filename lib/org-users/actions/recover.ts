'use server'

import { getClientIp } from '@/lib/auth/server/request-context'
import { invalidInput, type TActionResult } from '@/lib/forms/action-result'
import { requestRecovery } from '@/lib/org-users/server/flows'
import { ZRecoveryRequest } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { consumeAddressRequestLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { after } from 'next/server'
import { wakeDeliveryWorker } from '@/lib/delivery/server/worker/worker'

/** Sends a password-reset link if the address has an account in organization `slug`; the same answer either way. */
export async function requestRecoveryAction(slug: string, input: unknown): Promise<TActionResult> {
  const parsed = ZRecoveryRequest.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const org = await findPublicOrg(slug)
  if (!org) return { ok: false, message: 'This organization does not exist.' }
  const limit = await consumeAddressRequestLimits('org-user-recover', await getClientIp(), `${org.id}:${parsed.data.email}`)
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  if (!limit.sendEmail) return { ok: true }
  // After the response: known and unknown addresses answer equally fast (no account enumeration by timing).
  after(async () => {
    await requestRecovery(org, parsed.data)
    wakeDeliveryWorker()
  })
  return { ok: true }
}
