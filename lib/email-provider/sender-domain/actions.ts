'use server'

import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { PERMISSIONS } from '@/lib/members/roles'
import { getProviderView } from '@/lib/email-provider/server/store'
import type { TActionResult } from '@/lib/forms/action-result'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { checkSenderDomainCached } from './server'
import { senderDomainInputOf } from './server/input'

/** Check DNS: looks the organization's sender domain up again now, bypassing the hour-long cache. */
export async function checkSenderDomainAction(slug: string): Promise<TActionResult> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  const limit = await consumeRateLimits([['test-email-org', access.org.id]])
  if (!limit.ok) return { ok: false, message: `DNS checks are limited per organization. ${describeRetryAfter(limit.retryAfterSeconds)}` }
  const { provider } = await getProviderView(access.org.id)
  if (!provider) return { ok: true }
  await checkSenderDomainCached(senderDomainInputOf(provider), { force: true })
  return { ok: true }
}
