// Shapes of the Email Provider feature shared by its server code and its components (types only, client-safe).
import type { TActionFailure } from '@/lib/forms/action-result'
import type { TDiagnosticStep } from '@/lib/mail/types'

/** The provider as stored, without its secret: what the page, the audit trail and the diff may see. */
export type TStoredSettings = {
  host: string
  port: number
  fromAddress: string
  replyTo: string | null
  username: string | null
  displayName: string | null
  hasPassword: boolean
}

/** The custom provider as the console shows it. */
export type TProviderView = TStoredSettings & { updatedAt: Date; updatedByEmail: string | null }

/** One changed setting in the audit trail (a secret appears only as a note: set, replaced, removed). */
export type TSettingsChange = { field: string; from?: string | number | null; to?: string | number | null; note?: string }

/** What Send test email answers: the outcome and the SMTP conversation step by step. */
export type TTestEmailOutcome =
  { ok: true; recipient: string; reply: string; durationMs: number; steps: TDiagnosticStep[] } | (TActionFailure & { steps?: TDiagnosticStep[]; hint?: string })
