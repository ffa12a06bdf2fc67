// How one delivery attempt ended: what the worker records for a claimed message.

export type TDeliveryOutcome =
  /** providerMessageId: the service's own id for the message (HTTP APIs) */
  | { status: 'sent' | 'captured'; provider: string; providerMessageId?: string }
  | { status: 'retrying'; provider: string; error: string; nextAttemptAt: Date }
  | { status: 'failed'; provider: string; error: string }
  /** the organization's provider failed (sign-in, sender, unreachable or silent server): wait with the organization */
  | { status: 'held'; provider: string; error: string; nextAttemptAt: Date }
