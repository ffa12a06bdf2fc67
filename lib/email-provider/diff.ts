// Which settings an Update changes, described without ever including a secret.
import type { TSettingsChange, TStoredSettings } from './types'

const PLAIN_FIELDS = ['host', 'port', 'fromAddress', 'replyTo', 'username', 'displayName'] as const

/** The non-secret fields that differ, plus what happened to the password (set, replaced, removed). */
export function describeChanges(before: TStoredSettings | null, after: TStoredSettings, isPasswordReplaced: boolean): TSettingsChange[] {
  const changes: TSettingsChange[] = []
  for (const field of PLAIN_FIELDS) {
    const previous = before ? before[field] : null
    if (previous !== after[field]) changes.push({ field, from: previous, to: after[field] })
  }
  if (!before?.hasPassword && after.hasPassword) changes.push({ field: 'password', note: 'set' })
  else if (before?.hasPassword && !after.hasPassword) changes.push({ field: 'password', note: 'removed' })
  else if (isPasswordReplaced) changes.push({ field: 'password', note: 'replaced' })
  return changes
}

/** True when the saved password would go to a different server or account than it was saved for. */
export function isCredentialTargetChanged(before: TStoredSettings, next: { host: string; port: number; username: string | null }): boolean {
  return before.host !== next.host || before.port !== next.port || before.username !== next.username
}
