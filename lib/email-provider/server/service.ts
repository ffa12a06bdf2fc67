import 'server-only'
import { failure, type TDomainFailure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TSecretField } from '@/lib/email-provider/fields'
import type { TProviderFailureCode } from '@/lib/email-provider/messages'
import type { TEmailProviderForm } from '@/lib/email-provider/schema'
import type { TStoredSettings } from '@/lib/email-provider/types'
import { describeChanges } from '@/lib/email-provider/diff'
import { isCredentialTargetChanged, secretFieldOf, signInSettingsOf, SIGN_IN_FIELDS } from '@/lib/email-provider/sign-in-kinds'
import { apiEndpointOf } from './api-endpoint'
import { prepareOwnerNotices } from '@/lib/owner-notices/server/notify'
import { ownerNoticesQueued } from '@/lib/owner-notices/server/wake'
import { providerNoticesOf, REVERT_NOTICE } from './provider-notices'
import type { TProviderSecrets } from './sealed-secrets'
import { getProviderView, revertProvider, saveProvider, type TActor, type TProviderWrite } from './store'
import { sendMicrosoftDeadlineNotices } from './microsoft-deadline-notices'
import { getPrisma } from '@/lib/server/db'
import type { TRecentSignInCheck, TStepUpRequired } from '@/lib/auth/server/recent-sign-in'
import { getLogger } from '@/lib/server/logger'

export type TProviderResult = TDomainResult<{ version: number }, TProviderFailureCode> | TStepUpRequired

type TResolved =
  | {
      ok: true
      write: TProviderWrite & Pick<TStoredSettings, 'sendingMethod'>
      after: TStoredSettings
      secretField: TSecretField | null
      isSecretReplaced: boolean
    }
  | TDomainFailure<TProviderFailureCode>

/** The non-secret settings a valid form describes (fields of other sign-in kinds are null). */
export function storedFieldsOf(form: TEmailProviderForm, stored: TStoredSettings | null): Omit<TStoredSettings, 'hasSecret'> {
  const api = form.sendingMethod === 'api' ? apiEndpointOf(form.preset) : null
  // an HTTP API: its fixed host (no sign-in settings, the API key is the secret)
  const target = api
    ? { sendingMethod: 'api' as const, ...api, authKind: 'none' as const, ...Object.fromEntries(SIGN_IN_FIELDS.map((field) => [field, null])) }
    : {
        sendingMethod: 'smtp' as const,
        host: form.host,
        port: Number(form.port),
        security: form.security,
        authKind: form.authKind,
        ...signInSettingsOf(form, stored),
      }
  return {
    preset: form.preset,
    ...(target as Pick<TStoredSettings, 'sendingMethod' | 'host' | 'port' | 'security' | 'authKind' | (typeof SIGN_IN_FIELDS)[number]>),
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
  const secretField = secretFieldOf(next)
  const entered = secretField ? enteredSecret(form, secretField) : ''
  const canKeep = Boolean(stored?.hasSecret) && stored !== null && secretFieldOf(stored) === secretField
  if (secretField && entered === '') {
    if (!canKeep || !stored) return failure('secret-required', secretField)
    if (isCredentialTargetChanged(stored, next)) return failure('secret-again', secretField)
  }
  const secrets: TProviderSecrets | null | undefined = !secretField ? null : entered !== '' ? { [secretField]: entered } : undefined
  const after = { ...next, hasSecret: secretField !== null }
  return { ok: true, write: { ...next, secrets }, after, secretField, isSecretReplaced: entered !== '' }
}

/**
 * Saves the organization's custom provider (Update). A change the owners are told of (its target, the fallback switch)
 * first passes `recentSignIn` (step-up); other changes, such as the Display Name, do not ask. The commands always pass
 * one (commands.ts); only tests and scripts leave it out.
 */
export async function updateEmailProvider(orgId: string, actor: TActor, form: TEmailProviderForm, recentSignIn?: TRecentSignInCheck): Promise<TProviderResult> {
  const { provider, version } = await getProviderView(orgId)
  if (form.version !== version) return failure('conflict')
  const resolved = resolveProviderForm(form, provider)
  if (!resolved.ok) return resolved
  const previousField = provider ? secretFieldOf(provider) : null
  const changes = describeChanges(provider, resolved.after, { field: resolved.secretField, isReplaced: resolved.isSecretReplaced, previousField })
  if (changes.length === 0) return { ok: true, version }
  const noticed = providerNoticesOf(provider, resolved.after, resolved.isSecretReplaced)
  const stepUp = noticed.length > 0 ? await recentSignIn?.() : null
  if (stepUp) return stepUp
  const notices = await prepareOwnerNotices(orgId, noticed, { actor })
  const isSaved = await saveProvider(orgId, actor, version, resolved.write, changes, notices)
  if (isSaved && notices.length > 0) ownerNoticesQueued()
  if (isSaved) await tellOfMicrosoftDeadline(orgId)
  return isSaved ? { ok: true, version: version + 1 } : failure('conflict')
}

/** Deletes the custom provider so the platform default is used again (Revert); it passes `recentSignIn` first. */
export async function revertEmailProvider(orgId: string, actor: TActor, expectedVersion: number, recentSignIn?: TRecentSignInCheck): Promise<TProviderResult> {
  const { provider, version } = await getProviderView(orgId)
  if (!provider) return failure('nothing-to-revert')
  if (expectedVersion !== version) return failure('conflict')
  const stepUp = await recentSignIn?.()
  if (stepUp) return stepUp
  const notices = await prepareOwnerNotices(orgId, [REVERT_NOTICE], { actor })
  const isReverted = await revertProvider(orgId, actor, version, notices)
  if (isReverted) ownerNoticesQueued()
  return isReverted ? { ok: true, version: version + 1 } : failure('conflict')
}

function enteredSecret(form: TEmailProviderForm, field: TSecretField): string {
  const value = (form as Partial<Record<TSecretField, string>>)[field] ?? ''
  return field === 'serviceAccountKey' ? value.trim() : value
}

// Saved with Microsoft 365 and a password: owners and admins hear of the deadline now, not at the next hourly check.
async function tellOfMicrosoftDeadline(orgId: string): Promise<void> {
  try {
    if ((await sendMicrosoftDeadlineNotices(await getPrisma(), new Date(), orgId)) > 0) ownerNoticesQueued()
  } catch (error) {
    getLogger().error({ error: error instanceof Error ? error.message : String(error) }, '[notices] deadline notice failed')
  }
}
