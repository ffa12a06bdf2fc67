'use server'

import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { ZEmailProviderForm, ZRevertRequest, ZTestEmailRequest } from '@/lib/email-provider/schema'
import { sendTestEmail, type TTestEmailOutcome } from '@/lib/email-provider/server/test-email'
import { hostRefusal } from '@/lib/email-provider/server/host-check'
import { consumeRateLimits, describeRetryAfter } from '@/lib/server/rate-limit'
import { revertEmailProvider, updateEmailProvider } from '@/lib/email-provider/server/service'
import { forgetTransport, orgTransportKey } from '@/lib/mail/server/transport-cache'
import { invalidInput, toFieldErrors, type TActionResult } from '@/lib/forms/action-result'

export async function updateEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug)
  if (!access.ok) return access
  const parsed = ZEmailProviderForm.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const refusal = await hostRefusal(parsed.data.host)
  if (refusal) return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: { host: refusal } }
  const result = await updateEmailProvider(access.org.id, access.admin, parsed.data)
  if (result.ok) forgetTransport(orgTransportKey(access.org.id))
  return result
}

export async function revertEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug)
  if (!access.ok) return access
  const parsed = ZRevertRequest.safeParse(input)
  if (!parsed.success) return { ok: false, message: 'Tick the box to confirm that you want to revert to the default provider.' }
  const result = await revertEmailProvider(access.org.id, access.admin, parsed.data.version)
  if (result.ok) forgetTransport(orgTransportKey(access.org.id))
  return result
}

export async function sendTestEmailAction(slug: string, input: unknown): Promise<TTestEmailOutcome> {
  const access = await authorizeOrgAction(slug)
  if (!access.ok) return access
  const parsed = ZTestEmailRequest.safeParse(input)
  if (!parsed.success) {
    // settings.port → port: errors land on the form's fields, recipient on the dialog's
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: issue.path[0] === 'settings' ? issue.path.slice(1) : issue.path }))
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: toFieldErrors(issues) }
  }
  const limit = await consumeRateLimits([['test-email-org', access.org.id]])
  if (!limit.ok) return { ok: false, message: `Test emails are limited to 10 a minute per organization. ${describeRetryAfter(limit.retryAfterSeconds)}` }
  return sendTestEmail(access.org, access.admin, parsed.data)
}
