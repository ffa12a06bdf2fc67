// Which settings an Update changes, described without ever including a secret.
import type { TSecretField } from './fields'
import { SIGN_IN_FIELDS } from './sign-in-kinds'
import type { TSettingsChange, TStoredSettings } from './types'

const PLAIN_FIELDS = [
  'preset',
  'sendingMethod',
  'host',
  'port',
  'security',
  'authKind',
  ...SIGN_IN_FIELDS,
  'fromAddress',
  'replyTo',
  'displayName',
  'dkimSelector',
  'useDefaultOnFailure',
] as const

const auditValue = (value: string | number | boolean | Date | null) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)

/** The non-secret fields that differ, plus what happened to the secret (set, replaced, removed) under its own name. */
export function describeChanges(
  before: TStoredSettings | null,
  after: TStoredSettings,
  secret: { field: TSecretField | null; isReplaced: boolean; previousField: TSecretField | null },
): TSettingsChange[] {
  const changes: TSettingsChange[] = []
  for (const field of PLAIN_FIELDS) {
    // a first provider over SMTP lists no sending method: SMTP is what there always was
    const previous = before ? auditValue(before[field]) : field === 'sendingMethod' ? 'smtp' : null
    const next = auditValue(after[field])
    if (previous !== next) changes.push({ field, from: previous, to: next })
  }
  const hadSecret = Boolean(before?.hasSecret)
  if (hadSecret && secret.previousField && secret.previousField !== secret.field) changes.push({ field: secret.previousField, note: 'removed' })
  if (secret.field && after.hasSecret) {
    const isSameSecret = hadSecret && secret.previousField === secret.field
    if (!isSameSecret) changes.push({ field: secret.field, note: 'set' })
    else if (secret.isReplaced) changes.push({ field: secret.field, note: 'replaced' })
  }
  return changes
}
