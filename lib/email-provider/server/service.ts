import 'server-only'
import { failure, type TDomainFailure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TSecretField } from '@/lib/email-provider/fields'
import type { TProviderFailureCode } from '@/lib/email-provider/messages'
import type { TAuthKind, TEmailProviderForm } from '@/lib/email-provider/schema'
import type { TStoredSettings } from '@/lib/email-provider/types'
import { describeChanges, isCredentialTargetChanged } from '@/lib/email-provider/diff'
import type { TProviderSecrets } from './sealed-secrets'
import { getProviderView, revertProvider, saveProvider, type TActor, type TProviderWrite } from './store'

export type TProviderResult = TDomainResult<{ version: number }, TProviderFailureCode>

type TResolved =
  | { ok: true; write: TProviderWrite; after: TStoredSettings; secretField: TSecretField | null; isSecretReplaced: boolean }
  | TDomainFailure<TProviderFailureCode>

/** The one secret each authentication kind signs in with. */
export const SECRET_FIELD_OF: Record<TAuthKind, TSecretField | null> = {
  password: 'password',
  oauth_client_credentials: 'clientSecret',
  google_service_account: 'serviceAccountKey',
  none: null,
}

/** The non-secret settings a valid form describes (fields of other authentication kinds are null). */
export function storedFieldsOf(form: TEmailProviderForm, stored: TStoredSettings | null): Omit<TStoredSettings, 'hasSecret'> {
  const oauth = form.authKind === 'oauth_client_credentials' ? form : null
  const pastedKey = form.authKind === 'google_service_account' && form.serviceAccountKey.trim() !== '' ? form.serviceAccountKey : null
  const keptKeyEmail = form.authKind === 'google_service_account' && stored?.authKind === 'google_service_account' ? stored.serviceAccountEmail : null
  return {
    preset: form.preset,
    host: form.host,
    port: Number(form.port),
    security: form.security,
    authKind: form.authKind,
    username: form.authKind === 'none' ? null : form.username,
    tenantId: oauth?.tenantId || null,
    tokenUrl: oauth?.tokenUrl ?? null,
    clientId: oauth?.clientId ?? null,
    scope: oauth?.scope ?? null,
    clientSecretExpiresAt: oauth?.clientSecretExpiresAt ? new Date(`${oauth.clientSecretExpiresAt}T00:00:00Z`) : null,
    serviceAccountEmail: pastedKey ? (JSON.parse(pastedKey) as { client_email: string }).client_email : keptKeyEmail,
    fromAddress: form.fromAddress,
    replyTo: form.replyTo || null,
    displayName: form.displayName || null,
    dkimSelector: form.preset === 'custom' ? form.dkimSelector || null : null,
    useDefaultOnFailure: form.useDefaultOnFailure,
  }
}

/**
 * Turns a valid form into what to store, against what is stored now. A saved secret is never sent anywhere new:
 * when the server, the token endpoint, the app or the account change, a blank secret is refused (for Update and the
 * test email alike); a secret of another authentication kind is never kept.
 */
export function resolveProviderForm(form: TEmailProviderForm, stored: TStoredSettings | null): TResolved {
  const next = storedFieldsOf(form, stored)
  const secretField = SECRET_FIELD_OF[form.authKind]
  const entered = secretField ? enteredSecret(form, secretField) : ''
  const canKeep = Boolean(stored?.hasSecret) && stored?.authKind === form.authKind
  if (secretField && entered === '') {
    if (!canKeep || !stored) return failure('secret-required', secretField)
    if (isCredentialTargetChanged(stored, next)) return failure('secret-again', secretField)
  }
  const secrets: TProviderSecrets | null | undefined = !secretField ? null : entered !== '' ? { [secretField]: entered } : undefined
  const after = { ...next, hasSecret: secretField !== null }
  return { ok: true, write: { ...next, secrets }, after, secretField, isSecretReplaced: entered !== '' }
}

/** Saves the organization's custom provider (Update). */
export async function updateEmailProvider(orgId: string, actor: TActor, form: TEmailProviderForm): Promise<TProviderResult> {
  const { provider, version } = await getProviderView(orgId)
  if (form.version !== version) return failure('conflict')
  const resolved = resolveProviderForm(form, provider)
  if (!resolved.ok) return resolved
  const previousField = provider ? SECRET_FIELD_OF[provider.authKind] : null
  const changes = describeChanges(provider, resolved.after, { field: resolved.secretField, isReplaced: resolved.isSecretReplaced, previousField })
  if (changes.length === 0) return { ok: true, version }
  const isSaved = await saveProvider(orgId, actor, version, resolved.write, changes)
  return isSaved ? { ok: true, version: version + 1 } : failure('conflict')
}

/** Deletes the custom provider so the platform default is used again (Revert). */
export async function revertEmailProvider(orgId: string, actor: TActor, expectedVersion: number): Promise<TProviderResult> {
  const { provider, version } = await getProviderView(orgId)
  if (!provider) return failure('nothing-to-revert')
  if (expectedVersion !== version) return failure('conflict')
  const isReverted = await revertProvider(orgId, actor, version)
  return isReverted ? { ok: true, version: version + 1 } : failure('conflict')
}

function enteredSecret(form: TEmailProviderForm, field: TSecretField): string {
  const value = (form as Partial<Record<TSecretField, string>>)[field] ?? ''
  return field === 'serviceAccountKey' ? value.trim() : value
}
