// The transport seam: what delivery, the test email and its diagnosis call, whatever carries the message (SMTP or a
// service's HTTP API). Types only.
import type { TDiagnosticStep, TMailMessage, TSmtpFailure, TSmtpSettings } from '@/lib/mail/types'
import type { TSmtpTuning } from '@/lib/mail/server/smtp-config'

/** How a provider's messages travel: one kind per folder beside this file. */
export type TSendingMethod = 'smtp' | 'postmark'

/** A provider configuration, turned into what its kind needs to send (secrets already opened). */
export type TTransportConfig =
  | { method: 'smtp'; settings: TSmtpSettings; tuning?: TSmtpTuning }
  /** Postmark's HTTP API: the Server API token, and the base URL (api.postmarkapp.com, or a local fake in tests) */
  | { method: 'postmark'; apiKey: string; baseUrl: string }

/** Where a send runs: the pool it shares (per organization), the SSRF guard's setting and the deadline's signal. */
export type TSendContext = { cacheKey: string; allowPrivateHosts: boolean; signal?: AbortSignal }

/**
 * How one send ended: accepted (with the service's own id for the message when it gives one), or a failure in the
 * shared vocabulary (field, stage, hint, permanent or not) that delivery turns into held, failed or retried.
 */
export type TSendOutcome =
  | { ok: true; providerMessageId?: string }
  | { ok: false; failure: TSmtpFailure; /** the service asked us to wait this long (Retry-After) */ retryAfterMs?: number }

/** The test email's outcome with its steps, as the dialog and the Management API show them. */
export type TDiagnosticResult =
  | { ok: true; reply: string; durationMs: number; steps: TDiagnosticStep[]; providerMessageId?: string }
  | { ok: false; error: TSmtpFailure; durationMs: number; steps: TDiagnosticStep[] }

export type TDiagnoseOptions = {
  allowPrivateHosts?: boolean
  /** Hard limit on the whole attempt (default TEST_EMAIL_DEADLINE_MS). */
  deadlineMs?: number
}

/** One sending method: a sender, a diagnosis and what to drop when the organization's settings change. */
export type TTransportKind<TMethod extends TSendingMethod> = {
  send(config: Extract<TTransportConfig, { method: TMethod }>, message: TMailMessage, context: TSendContext): Promise<TSendOutcome>
  diagnose(config: Extract<TTransportConfig, { method: TMethod }>, message: TMailMessage, options: TDiagnoseOptions): Promise<TDiagnosticResult>
  /** Closes the kept-alive connections of this cache key (the settings changed, or shutdown). */
  forget(cacheKey: string): void
}
