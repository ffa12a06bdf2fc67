// Whose problem a failed attempt is: the organization's provider (hold every message of the organization) or this
// one recipient (retry or fail this message only).
import type { TSmtpStage } from '@/lib/mail/types'

const ORG_LEVEL_STAGES: ReadonlySet<TSmtpStage> = new Set(['dns', 'tcp', 'tls', 'ehlo', 'token', 'auth', 'mail', 'resolve', 'connect', 'authenticate'])

/** True for a failure before the recipient is named: lookup, connection, TLS, greeting, token, sign-in, MAIL FROM (and an API's resolve, connect, authenticate). */
export function isOrgLevelStage(stage: TSmtpStage): boolean {
  return ORG_LEVEL_STAGES.has(stage)
}
