import 'server-only'
import { after } from 'next/server'
import { failure, type TDomainFailure } from '@/lib/forms/domain-result'
import type { TEmailProviderForm, TTestEmailRequest } from '@/lib/email-provider/schema'
import type { TTestEmailOutcome } from '@/lib/email-provider/types'
import { checkSenderDomainCached } from '@/lib/email-provider/sender-domain/server'
import { senderDomainInputOf } from '@/lib/email-provider/sender-domain/server/input'
import { retryHeldMessages } from '@/lib/delivery/server/health/retry-held'
import { orgTransportKey } from '@/lib/mail/server/transport-cache'
import { forgetConnections } from '@/lib/mail/server/transports'
import { consumeRateLimits } from '@/lib/server/rate-limit'
import { targetRefusal } from './host-check'
import { revertEmailProvider, storedFieldsOf, updateEmailProvider, type TProviderResult } from './service'
import type { TActor } from './store'
import type { TRecentSignInCheck } from '@/lib/auth/server/recent-sign-in'
import { sendTestEmail } from './test-email'
import { checkTestRecipient, type TRecipientRefusal } from './test-recipient'

// The Email Provider's commands, one use case each: the console's Server Actions and the Management API both call
// these, and only authorize and translate around them. What follows a change happens here, once.

type TOrg = { id: string; name: string }

export type TProviderCommandResult = TProviderResult | (TDomainFailure<'host-refused'> & { detail: string })

/**
 * Update: the settings checked against the SSRF guard, saved, and in use for the next email. `recentSignIn` is the
 * step-up check for a change of target or of the fallback switch: a console session's, or API_KEY_ACTS_AS_ITSELF.
 */
export async function updateProviderCommand(
  org: TOrg,
  actor: TActor,
  form: TEmailProviderForm,
  recentSignIn: TRecentSignInCheck,
): Promise<TProviderCommandResult> {
  const refusal = await targetRefusal(form)
  if (refusal) return { ...failure('host-refused', refusal.field), detail: refusal.detail }
  const result = await updateEmailProvider(org.id, actor, form, recentSignIn)
  if (!result.ok) return result
  await providerChanged(org.id)
  // the Sender domain card shows the new domain's records on its next load, without the save waiting on DNS
  afterResponse(() => checkSenderDomainCached(senderDomainInputOf(storedFieldsOf(form, null)), { force: true }))
  return result
}

/** Revert: the custom provider goes and the platform's default sends the next email (after the step-up check). */
export async function revertProviderCommand(org: TOrg, actor: TActor, expectedVersion: number, recentSignIn: TRecentSignInCheck): Promise<TProviderResult> {
  const result = await revertEmailProvider(org.id, actor, expectedVersion, recentSignIn)
  if (result.ok) await providerChanged(org.id)
  return result
}

export type TTestEmailCommandResult = TTestEmailOutcome | { ok: false; code: 'rate-limited'; retryAfterSeconds: number } | TRecipientRefusal

/** Send test email, within the organization's limit of test emails a minute and its rules on whom they may go to. */
export async function sendTestEmailCommand(org: TOrg, actor: TActor, request: TTestEmailRequest): Promise<TTestEmailCommandResult> {
  const limit = await consumeRateLimits([['test-email-org', org.id]])
  if (!limit.ok) return { ok: false, code: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  const recipient = await checkTestRecipient(org.id, actor.id, request.recipient, request.settings.fromAddress)
  if (!recipient.ok) return recipient
  return sendTestEmail(org, actor, request)
}

export const TEST_EMAIL_LIMIT_MESSAGE = 'Test emails are limited to 10 a minute per organization.'

// New settings take effect for the next email: the pooled connection to the old server goes, and messages held while
// the old settings failed are tried with the new ones at once (this process's workers are told, others see the new
// settings version with their next claim).
async function providerChanged(orgId: string): Promise<void> {
  forgetConnections(orgTransportKey(orgId))
  await retryHeldMessages(orgId)
}

// Work that may follow the answer: scheduled after the response inside a request, skipped outside one (scripts, tests).
function afterResponse(work: () => Promise<unknown>): void {
  try {
    after(() => work().catch(() => undefined))
  } catch {
    // no request to follow
  }
}
