'use server'

import { after } from 'next/server'
import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { PERMISSIONS } from '@/lib/members/roles'
import { CORRECT_THE_FIELDS, providerFailure } from '@/lib/email-provider/messages'
import { ZEmailProviderForm, ZRevertRequest, ZTestEmailRequest } from '@/lib/email-provider/schema'
import type { TTestEmailOutcome } from '@/lib/email-provider/types'
import { targetRefusal } from '@/lib/email-provider/server/host-check'
import { revertEmailProvider, storedFieldsOf, updateEmailProvider, type TProviderResult } from '@/lib/email-provider/server/service'
import { sendTestEmail } from '@/lib/email-provider/server/test-email'
import { checkSenderDomainCached } from '@/lib/email-provider/sender-domain/server'
import { senderDomainInputOf } from '@/lib/email-provider/sender-domain/server/input'
import { retryHeldMessages } from '@/lib/delivery/server/retry-held'
import { invalidInput, toFieldErrors, type TActionResult } from '@/lib/forms/action-result'
import { forgetTransport, orgTransportKey } from '@/lib/mail/server/transport-cache'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'

export async function updateEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  const parsed = ZEmailProviderForm.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const refusal = await targetRefusal(parsed.data)
  if (refusal) return providerFailure({ ok: false, code: 'host-refused', ...refusal })
  const result = await afterChange(access.org.id, await updateEmailProvider(access.org.id, access.admin, parsed.data))
  // the Sender domain card shows the new domain's records when the page reloads, without the save waiting on DNS
  if (result.ok) after(() => checkSenderDomainCached(senderDomainInputOf(storedFieldsOf(parsed.data, null)), { force: true }).catch(() => undefined))
  return result
}

export async function revertEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  const parsed = ZRevertRequest.safeParse(input)
  if (!parsed.success) return providerFailure({ ok: false, code: 'not-confirmed' })
  return afterChange(access.org.id, await revertEmailProvider(access.org.id, access.admin, parsed.data.version))
}

export async function sendTestEmailAction(slug: string, input: unknown): Promise<TTestEmailOutcome> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  const parsed = ZTestEmailRequest.safeParse(input)
  if (!parsed.success) {
    // settings.port → port: errors land on the form's fields, recipient on the dialog's
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: issue.path[0] === 'settings' ? issue.path.slice(1) : issue.path }))
    return { ok: false, message: CORRECT_THE_FIELDS, fieldErrors: toFieldErrors(issues) }
  }
  const limit = await consumeRateLimits([['test-email-org', access.org.id]])
  if (!limit.ok) return { ok: false, message: `Test emails are limited to 10 a minute per organization. ${describeRetryAfter(limit.retryAfterSeconds)}` }
  return sendTestEmail(access.org, access.admin, parsed.data)
}

// A saved or reverted provider takes effect for the next email: the pooled connection to the old server goes, and
// messages held while the old settings failed are tried with the new ones at once.
async function afterChange(orgId: string, result: TProviderResult): Promise<TActionResult<{ version: number }>> {
  if (!result.ok) return providerFailure(result)
  forgetTransport(orgTransportKey(orgId))
  await retryHeldMessages(orgId)
  return result
}
