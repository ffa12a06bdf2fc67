// Shapes of the sender domain check shared by its server code and its components (types only, client-safe).
import type { TProviderPresetId } from '@/lib/email-provider/presets'

/** How one record stands: 'dns-error' means DNS itself failed, so nothing is known about the record. */
export type TRecordStatus = 'pass' | 'warning' | 'missing' | 'dns-error'

/** The exact DNS record to add, or the new value of the one to edit. */
export type TRecordFix = { kind: 'add' | 'edit'; name: string; type: 'TXT' | 'CNAME'; value: string }

/** The verdict on one of SPF, DKIM and DMARC, with one plain sentence saying why. */
export type TRecordCheck = { status: TRecordStatus; why: string; fix?: TRecordFix }

/** Which records to check: the From Address's domain against the provider that sends for it. */
export type TSenderDomainInput = {
  fromAddress: string
  smtpHost: string
  presetId: TProviderPresetId
  /** For Custom SMTP: the selector the provider gave the admin (presets know theirs). */
  dkimSelector?: string
}

/** The outcome of one check of a sender domain. */
export type TSenderDomainResult = {
  domain: string
  checkedAt: Date
  spf: TRecordCheck
  dkim: TRecordCheck
  dmarc: TRecordCheck
}
