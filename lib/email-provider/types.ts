// Shapes of the Email Provider feature shared by its server code and its components (types only, client-safe).
import type { TActionFailure } from '@/lib/forms/action-result'
import type { TConnectionSecurity, TDiagnosticStep } from '@/lib/mail/types'
import type { TProviderPresetId } from './presets'
import type { TAuthKind, TSendingMethod } from './schema'

/** The provider as stored, without its secrets: what the page, the audit trail and the diff may see. */
export type TStoredSettings = {
  preset: TProviderPresetId
  /** smtp: host, port, security and authKind below; api: the preset's HTTP API (host and port are its fixed ones). */
  sendingMethod: TSendingMethod
  host: string
  port: number
  security: TConnectionSecurity
  authKind: TAuthKind
  username: string | null
  tenantId: string | null
  tokenUrl: string | null
  clientId: string | null
  scope: string | null
  clientSecretExpiresAt: Date | null
  /** The service account key's client_email (the key itself is secret). */
  serviceAccountEmail: string | null
  fromAddress: string
  replyTo: string | null
  displayName: string | null
  /** Custom SMTP: the selector of the DKIM key to check (presets know theirs). */
  dkimSelector: string | null
  /** Opt-in fallback to the platform's default provider when this server fails */
  useDefaultOnFailure: boolean
  /** Whether the secret of `authKind` (password, client secret or key), or the API key, is saved. */
  hasSecret: boolean
}

/** The custom provider as the console shows it. */
export type TProviderView = TStoredSettings & { updatedAt: Date; updatedByEmail: string | null }

/** One changed setting in the audit trail (a secret appears only as a note: set, replaced, removed). */
export type TSettingsChange = { field: string; from?: string | number | boolean | null; to?: string | number | boolean | null; note?: string }

/** What Send test email answers: the outcome and the SMTP conversation step by step. */
export type TTestEmailOutcome =
  { ok: true; recipient: string; reply: string; durationMs: number; steps: TDiagnosticStep[] } | (TActionFailure & { steps?: TDiagnosticStep[]; hint?: string })
