import 'server-only'
import { env } from '@/lib/env'
import { diagnoseSend } from '@/lib/mail/server/transports'
import { testEmail } from '@/lib/mail/server/templates/test-email'
import { recordAudit } from '@/lib/audit/server/store'
import { AuditAction } from '@/lib/enums'
import { getPrisma } from '@/lib/server/db'
import { getMetrics } from '@/lib/server/metrics'
import { providerFailure } from '@/lib/email-provider/messages'
import type { TTestEmailOutcome } from '@/lib/email-provider/types'
import { resolveProviderForm } from './service'
import { checkSenderDomainCached } from '@/lib/email-provider/sender-domain/server'
import { senderDomainInputOf } from '@/lib/email-provider/sender-domain/server/input'
import { senderDomainStep } from '@/lib/email-provider/sender-domain/step'
import { transportConfigOf } from './smtp-settings'
import { presetLabelOf } from '@/lib/email-provider/presets'

const DOMAIN_STEP_MS = 3_000
/** What a field says when the test email failed because of it: the cause itself is in the dialog, once. */
export const TEST_FAILED_HERE = 'The test email failed here: see Send test email for the cause and the fix'
import { getProviderForSending, type TActor } from './store'
import type { TTestEmailRequest } from '@/lib/email-provider/schema'

/**
 * Sends a test email with the values currently in the form, without saving them. A blank secret uses the saved one,
 * but only for the server, endpoint and account it was saved for (the same rule as Update).
 */
export async function sendTestEmail(org: { id: string; name: string }, actor: TActor, request: TTestEmailRequest): Promise<TTestEmailOutcome> {
  // one read: the saved secret may only go where the settings it was checked against say
  const stored = await getProviderForSending(org.id)
  const resolved = resolveProviderForm(request.settings, stored)
  if (!resolved.ok) return providerFailure(resolved)
  const { write, secretField } = resolved
  if (write.secrets === undefined && stored?.secretsError && secretField) return providerFailure({ ok: false, code: 'secret-unreadable', field: secretField })
  const secrets = write.secrets === undefined ? (stored?.secrets ?? {}) : (write.secrets ?? {})
  const providerLabel = write.sendingMethod === 'api' ? `${presetLabelOf(write.preset)} · API` : `${write.host}:${write.port}`
  const content = await testEmail({ orgName: org.name, providerLabel })
  const mail = {
    from: { name: write.displayName ?? '', address: write.fromAddress },
    replyTo: write.replyTo ? { address: write.replyTo } : undefined,
    to: request.recipient,
    ...content,
  }
  // the DNS check runs beside the send and never holds it up: at most DOMAIN_STEP_MS more once the send is done, and
  // never past the send's deadline
  const deadlineAt = performance.now() + env.TEST_EMAIL_DEADLINE_MS
  const domainCheck = checkSenderDomainCached(senderDomainInputOf(write)).catch(() => null)
  const sent = await diagnoseSend(transportConfigOf(write, secrets, `test:${org.id}`), mail, {
    allowPrivateHosts: env.SMTP_ALLOW_PRIVATE_HOSTS,
    deadlineMs: env.TEST_EMAIL_DEADLINE_MS,
  })
  const domainWaitMs = Math.max(0, Math.min(DOMAIN_STEP_MS, deadlineAt - performance.now()))
  const domain = await Promise.race([domainCheck, new Promise<null>((resolve) => setTimeout(resolve, domainWaitMs, null))])
  const result = { ...sent, steps: [...sent.steps, senderDomainStep(domain)] }
  getMetrics().testEmails.inc({ outcome: result.ok ? 'sent' : 'failed' })
  await recordAudit(await getPrisma(), {
    orgId: org.id,
    actor,
    action: AuditAction.email_provider_test,
    details: { recipient: request.recipient, outcome: result.ok ? 'sent' : `failed: ${result.error.message}` },
  })
  if (result.ok) return { ok: true, recipient: request.recipient, reply: result.reply, durationMs: result.durationMs, steps: result.steps }
  const { field, message, hint } = result.error
  return { ok: false, message, hint, fieldErrors: field ? { [field]: TEST_FAILED_HERE } : undefined, steps: result.steps }
}
