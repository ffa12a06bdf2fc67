// How one delivery attempt ended: what the worker records for a claimed message.

export type TDeliveryOutcome =
  | { status: 'sent' | 'captured'; provider: string }
  | { status: 'retrying'; provider: string; error: string; nextAttemptAt: Date }
  | { status: 'failed'; provider: string; error: string }
  /** the organization's provider failed (sign-in, sender, unreachable or silent server): wait with the organization */
  | { status: 'held'; provider: string; error: string; nextAttemptAt: Date }
