// The Email Provider's sign-in kinds, one entry each (client-safe): the settings a kind keeps, its one secret, what
// counts as a change of target and how its settings are stored. A kind without an entry does not compile; the form
// schema (schema.ts), the credentials (server/credentials.ts) and the labels are the other places that name kinds.
import { z } from 'zod/mini'
import type { TSecretField } from './fields'
import type { TAuthKind, TEmailProviderForm } from './schema'
import type { TStoredSettings } from './types'

/** The settings that belong to one sign-in kind or another (null for the kinds that do not use them). */
export const SIGN_IN_FIELDS = ['username', 'tenantId', 'tokenUrl', 'clientId', 'scope', 'clientSecretExpiresAt', 'serviceAccountEmail'] as const
export type TSignInField = (typeof SIGN_IN_FIELDS)[number]
export type TSignInSettings = Pick<TStoredSettings, TSignInField>

type TFormOf<TKind extends TAuthKind> = Extract<TEmailProviderForm, { authKind: TKind }>

type TSignInKind<TKind extends TAuthKind> = {
  /** The one secret it signs in with: write-only, sealed at rest, never in logs or audit entries. */
  secretField: TSecretField | null
  /** The settings it keeps, in this order in storage, the audit trail and the API. */
  fields: readonly TSignInField[]
  /** Settings that, once changed, would send the saved secret somewhere new (host and port always do). */
  target: readonly TSignInField[]
  /** Its settings from a valid form (`saved`: what is saved now, for what the form cannot repeat). */
  settingsOf(form: TFormOf<TKind>, saved: TStoredSettings | null): Partial<TSignInSettings>
}

export const SIGN_IN_KINDS: { [TKind in TAuthKind]: TSignInKind<TKind> } = {
  password: {
    secretField: 'password',
    fields: ['username'],
    target: ['username'],
    settingsOf: (form) => ({ username: form.username }),
  },
  oauth_client_credentials: {
    secretField: 'clientSecret',
    fields: ['username', 'tenantId', 'tokenUrl', 'clientId', 'scope', 'clientSecretExpiresAt'],
    target: ['username', 'tokenUrl', 'clientId'],
    settingsOf: (form) => ({
      username: form.username,
      tenantId: form.tenantId || null,
      tokenUrl: form.tokenUrl,
      clientId: form.clientId,
      scope: form.scope,
      clientSecretExpiresAt: form.clientSecretExpiresAt ? new Date(`${form.clientSecretExpiresAt}T00:00:00Z`) : null,
    }),
  },
  google_service_account: {
    secretField: 'serviceAccountKey',
    fields: ['username', 'serviceAccountEmail'],
    target: ['username', 'serviceAccountEmail'],
    // the key's client_email when a key is pasted, else the saved one's (the key itself is secret)
    settingsOf: (form, saved) => {
      const pasted = form.serviceAccountKey.trim()
      const keptEmail = saved?.authKind === 'google_service_account' ? saved.serviceAccountEmail : null
      return { username: form.username, serviceAccountEmail: pasted ? (JSON.parse(pasted) as { client_email: string }).client_email : keptEmail }
    },
  },
  none: {
    secretField: null,
    fields: [],
    target: [],
    settingsOf: () => ({}),
  },
}

const NO_SIGN_IN: TSignInSettings = Object.fromEntries(SIGN_IN_FIELDS.map((field) => [field, null])) as TSignInSettings

/** A valid form's sign-in settings: its kind's, every other null. */
export function signInSettingsOf<TKind extends TAuthKind>(form: TFormOf<TKind>, saved: TStoredSettings | null): TSignInSettings {
  const kind = SIGN_IN_KINDS[form.authKind as TKind] as TSignInKind<TKind>
  return { ...NO_SIGN_IN, ...kind.settingsOf(form, saved) }
}

/** The secret settings of this sending method and sign-in kind use: the API key for an HTTP API, else the kind's. */
export function secretFieldOf(settings: Pick<TStoredSettings, 'sendingMethod' | 'authKind'>): TSecretField | null {
  return settings.sendingMethod === 'api' ? 'apiKey' : SIGN_IN_KINDS[settings.authKind].secretField
}

/** True when a saved secret would go to a different server, endpoint or account than it was saved for. */
export function isCredentialTargetChanged(before: TStoredSettings, next: Omit<TStoredSettings, 'hasSecret'>): boolean {
  // an HTTP API's host is its service's (and region's): a new service or method changes the host or the method
  if (before.sendingMethod !== next.sendingMethod || (next.sendingMethod === 'api' && before.preset !== next.preset)) return true
  if (before.host !== next.host || before.port !== next.port || before.authKind !== next.authKind) return true
  return SIGN_IN_KINDS[next.authKind].target.some((field) => before[field] !== next[field])
}

// Storage: the kind's settings as one JSON object (dates as YYYY-MM-DD), checked against its fields on every read.
const ZStoredText = z.nullable(z.string().check(z.maxLength(20_000)))
const ZStoredDate = z.nullable(z.string().check(z.iso.date()))
const STORED_FIELD: Record<TSignInField, typeof ZStoredText | typeof ZStoredDate> = {
  username: ZStoredText,
  tenantId: ZStoredText,
  tokenUrl: ZStoredText,
  clientId: ZStoredText,
  scope: ZStoredText,
  clientSecretExpiresAt: ZStoredDate,
  serviceAccountEmail: ZStoredText,
}

export type TStoredSignIn = Partial<Record<TSignInField, string | null>>

/** What storage keeps of the sign-in settings: the kind's fields only. */
export function storedSignInOf(kind: TAuthKind, settings: TSignInSettings): TStoredSignIn {
  return Object.fromEntries(
    SIGN_IN_KINDS[kind].fields.map((field) => {
      const value = settings[field]
      return [field, value instanceof Date ? value.toISOString().slice(0, 10) : value]
    }),
  )
}

/** The sign-in settings of a stored row; throws when the row does not hold what its kind keeps. */
export function signInOfStored(kind: TAuthKind, stored: unknown): TSignInSettings {
  const fields = SIGN_IN_KINDS[kind].fields
  const parsed = z.object(Object.fromEntries(fields.map((field) => [field, STORED_FIELD[field]]))).safeParse(stored ?? {})
  if (!parsed.success) throw new Error(`stored ${kind} sign-in settings are not valid: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`)
  const values = parsed.data as TStoredSignIn
  const settings: Record<string, string | Date | null> = { ...NO_SIGN_IN }
  for (const field of fields) {
    const value = values[field] ?? null
    settings[field] = field === 'clientSecretExpiresAt' && value !== null ? new Date(`${value}T00:00:00Z`) : value
  }
  return settings as TSignInSettings
}
