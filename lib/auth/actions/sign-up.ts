'use server'

import { after } from 'next/server'
import { redirect } from 'next/navigation'
import { unlessHashQueueFull } from '@/lib/auth/server/hash-queue'
import { ZAdminSignup } from '@/lib/auth/schema'
import { signUpAdmin } from '@/lib/auth/server/admin-accounts'
import { notifyExistingAdmin } from '@/lib/auth/server/email-verification'
import { getClientIp } from '@/lib/auth/server/request-context'
import { consumeAddressRequestLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { authFailure } from '@/lib/auth/messages'
import { invalidInput, type TActionFailure } from '@/lib/forms/action-result'
import { getLogger } from '@/lib/server/logger'
import { routes } from '@/lib/routes'

/** Signs up a console admin; a registered address gets the same answer (Check your inbox) and an email instead. */
export async function signUpAction(input: unknown): Promise<TActionFailure> {
  const parsed = ZAdminSignup.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const limit = await consumeAddressRequestLimits('signup', await getClientIp(), parsed.data.email)
  if (!limit.ok) return { ok: false, message: describeRetryAfter(limit.retryAfterSeconds) }
  if (!limit.sendEmail) redirect(routes.signupSent)
  return unlessHashQueueFull(async () => {
    const result = await signUpAdmin(parsed.data)
    if (!result.ok) return authFailure(result)
    if (result.outcome === 'existing') {
      after(() =>
        notifyExistingAdmin(parsed.data.email).catch((error) =>
          getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[auth] queueing the sign-up attempt email failed'),
        ),
      )
    }
    redirect(routes.signupSent)
  })
}
