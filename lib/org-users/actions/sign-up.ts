'use server'

import { HASH_BUSY_RETRY_AFTER_SECONDS, reserveHashSlot } from '@/lib/auth/server/hash-queue'
import { busyFailure } from '@/lib/auth/messages'
import { getClientIp } from '@/lib/auth/server/request-context'
import { invalidInput, type TActionResult } from '@/lib/forms/action-result'
import { acceptOrgUserSignup } from '@/lib/org-users/server/flows'
import { ZOrgUserSignup } from '@/lib/org-users/schema'
import { findPublicOrg } from '@/lib/org-users/server/store'
import { consumeAddressRequestLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { after } from 'next/server'
import { wakeDeliveryWorker } from '@/lib/delivery/server/worker/worker'

/** Signs a user up to organization `slug`; the answer never tells whether the address was already registered. */
export async function signUpOrgUserAction(slug: string, input: unknown): Promise<TActionResult> {
  const parsed = ZOrgUserSignup.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const org = await findPublicOrg(slug)
  if (!org) return { ok: false, message: 'This organization does not exist.' }
  const limit = await consumeAddressRequestLimits('org-user-signup', await getClientIp(), `${org.id}:${parsed.data.email}`)
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  if (!limit.sendEmail) return { ok: true }
  // the hash runs after the answer: its place in the queue is taken now, so that it cannot be refused then
  const reservation = reserveHashSlot()
  if (!reservation) return busyFailure(HASH_BUSY_RETRY_AFTER_SECONDS)
  // Answered before the lookup, the hash and the enqueue: neither the body nor the timing tells whether the address
  // is registered. The email is committed after the answer; the worker is woken to send it now.
  return acceptOrgUserSignup(org, parsed.data, reservation, (work) =>
    after(async () => {
      try {
        await work()
      } finally {
        reservation.cancel()
      }
      wakeDeliveryWorker()
    }),
  )
}
