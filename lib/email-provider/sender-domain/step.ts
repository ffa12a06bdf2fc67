// The sender domain check as one step of the test email's list (client-safe, pure).
import type { TDiagnosticStep } from '@/lib/mail/types'
import { RECORD_STATUS_LABELS, SENDER_DOMAIN_RECORDS } from './labels'
import type { TSenderDomainResult } from './types'

/** Pass when SPF, DKIM and DMARC all pass; a warning naming what to fix otherwise; skipped when DNS could not answer. */
export function senderDomainStep(result: TSenderDomainResult | null): TDiagnosticStep {
  if (!result) return { stage: 'domain', status: 'skipped', detail: 'The DNS records could not be checked in time: use Check DNS under Sender domain' }
  const summary = SENDER_DOMAIN_RECORDS.map(({ key, label }) => `${label} ${RECORD_STATUS_LABELS[result[key].status].toLowerCase()}`).join(', ')
  const statuses = SENDER_DOMAIN_RECORDS.map(({ key }) => result[key].status)
  if (statuses.every((status) => status === 'pass')) return { stage: 'domain', status: 'ok', detail: `${result.domain}: ${summary}` }
  if (statuses.every((status) => status === 'dns-error')) return { stage: 'domain', status: 'skipped', detail: `${result.domain}: could not reach DNS` }
  return {
    stage: 'domain',
    status: 'warning',
    detail: `${result.domain}: ${summary}. Receivers may put these emails in spam or refuse them`,
    hint: 'Add or fix the records shown under Sender domain on this page',
  }
}
