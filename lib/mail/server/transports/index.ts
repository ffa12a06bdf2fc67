import 'server-only'
import type { TMailMessage } from '@/lib/mail/types'
import { postmarkTransport } from './postmark'
import { smtpTransport } from './smtp'
import type { TDiagnoseOptions, TDiagnosticResult, TSendContext, TSendingMethod, TSendOutcome, TTransportConfig, TTransportKind } from './types'

export type { TDiagnoseOptions, TDiagnosticResult, TSendContext, TSendingMethod, TSendOutcome, TTransportConfig } from './types'

// The registry of sending methods: a method without its entry does not compile.
const TRANSPORT_KINDS: { [TMethod in TSendingMethod]: TTransportKind<TMethod> } = {
  smtp: smtpTransport,
  postmark: postmarkTransport,
}

function kindOf<TMethod extends TSendingMethod>(config: Extract<TTransportConfig, { method: TMethod }>): TTransportKind<TMethod> {
  return TRANSPORT_KINDS[config.method as TMethod]
}

/** Sends one message through the configuration's sending method (delivery's one way out). */
export function sendMessage(config: TTransportConfig, message: TMailMessage, context: TSendContext): Promise<TSendOutcome> {
  return kindOf(config).send(config, message, context)
}

/** Sends one message over a fresh connection, reporting each step (the test email). */
export function diagnoseSend(config: TTransportConfig, message: TMailMessage, options: TDiagnoseOptions = {}): Promise<TDiagnosticResult> {
  return kindOf(config).diagnose(config, message, options)
}

/** Closes every sending method's kept-alive connections of this cache key (the organization's settings changed). */
export function forgetConnections(cacheKey: string): void {
  for (const kind of Object.values(TRANSPORT_KINDS)) kind.forget(cacheKey)
}
