// The words of the sender domain check that components show (client-safe).
import type { TRecordStatus } from './types'

/** The badge text of each status: words, so the status never rests on colour alone. */
export const RECORD_STATUS_LABELS: Record<TRecordStatus, string> = {
  pass: 'Pass',
  warning: 'Warning',
  missing: 'Missing',
  'dns-error': 'Could not reach DNS',
}

/** The three records, in the order the section lists them. */
export const SENDER_DOMAIN_RECORDS = [
  { key: 'spf', label: 'SPF' },
  { key: 'dkim', label: 'DKIM' },
  { key: 'dmarc', label: 'DMARC' },
] as const
