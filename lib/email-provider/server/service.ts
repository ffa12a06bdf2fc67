import 'server-only'
import { failure, type TDomainFailure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TProviderFailureCode } from '@/lib/email-provider/messages'
import type { TEmailProviderForm } from '@/lib/email-provider/schema'
import type { TStoredSettings } from '@/lib/email-provider/types'
import { describeChanges, isCredentialTargetChanged } from '@/lib/email-provider/diff'
import { getProviderView, revertProvider, saveProvider, type TActor, type TProviderWrite } from './store'

export type TProviderResult = TDomainResult<{ version: number }, TProviderFailureCode>

type TResolved = { ok: true; write: TProviderWrite; after: TStoredSettings; isPasswordReplaced: boolean } | TDomainFailure<TProviderFailureCode>

/**
 * Turns a valid form into what to store, against what is stored now. The saved password is never sent anywhere
 * new: when host, port or username change, a blank Password is refused (for Update and the test email alike).
 */
export function resolveProviderForm(form: TEmailProviderForm, stored: TStoredSettings | null): TResolved {
  const next = {
    host: form.host,
    port: Number(form.port),
    fromAddress: form.fromAddress,
    replyTo: form.replyTo || null,
    username: form.username || null,
    displayName: form.displayName || null,
  }
  const isPasswordReplaced = form.password !== ''
  const keepsStoredPassword = !isPasswordReplaced && !form.clearPassword && Boolean(stored?.hasPassword)
  if (keepsStoredPassword && stored && isCredentialTargetChanged(stored, next)) return failure('password-required', 'password')
  if (keepsStoredPassword && !next.username) return failure('username-required', 'username')
  const password = isPasswordReplaced ? form.password : form.clearPassword ? null : undefined
  const after = { ...next, hasPassword: isPasswordReplaced || keepsStoredPassword }
  return { ok: true, write: { ...next, password }, after, isPasswordReplaced }
}

/** Saves the organization's custom provider (Update). */
export async function updateEmailProvider(orgId: string, actor: TActor, form: TEmailProviderForm): Promise<TProviderResult> {
  const { provider, version } = await getProviderView(orgId)
  if (form.version !== version) return failure('conflict')
  const resolved = resolveProviderForm(form, provider)
  if (!resolved.ok) return resolved
  const changes = describeChanges(provider, resolved.after, resolved.isPasswordReplaced)
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
