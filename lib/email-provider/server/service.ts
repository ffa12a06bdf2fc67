import 'server-only'
import type { TActionResult } from '@/lib/forms/action-result'
import { describeChanges, isCredentialTargetChanged, type TStoredSettings } from '@/lib/email-provider/diff'
import { getProviderView, revertProvider, saveProvider, type TActor, type TProviderWrite } from './store'
import type { TEmailProviderForm } from '@/lib/email-provider/schema'

export const CONFLICT_MESSAGE = 'These settings were changed by someone else since you opened this page. Reload to see the latest version, then make your change again.'
export const PASSWORD_AGAIN_MESSAGE = 'Enter the password again: the server changed'

type TResolved = { ok: true; write: TProviderWrite; after: TStoredSettings; isPasswordReplaced: boolean } | Exclude<TActionResult, { ok: true }>

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
  if (keepsStoredPassword && stored && isCredentialTargetChanged(stored, next)) {
    return { ok: false, fieldErrors: { password: PASSWORD_AGAIN_MESSAGE }, message: 'Please correct the highlighted fields.' }
  }
  if (keepsStoredPassword && !next.username) {
    return { ok: false, fieldErrors: { username: 'Enter the username that goes with the saved password' } }
  }
  const password = isPasswordReplaced ? form.password : form.clearPassword ? null : undefined
  const after = { ...next, hasPassword: isPasswordReplaced || keepsStoredPassword }
  return { ok: true, write: { ...next, password }, after, isPasswordReplaced }
}

/** Saves the organization's custom provider (Update). */
export async function updateEmailProvider(orgId: string, actor: TActor, form: TEmailProviderForm): Promise<TActionResult<{ version: number }>> {
  const { provider, version } = await getProviderView(orgId)
  if (form.version !== version) return { ok: false, message: CONFLICT_MESSAGE, code: 'conflict' }
  const resolved = resolveProviderForm(form, provider)
  if (!resolved.ok) return resolved
  const changes = describeChanges(provider, resolved.after, resolved.isPasswordReplaced)
  if (changes.length === 0) return { ok: true, version }
  const isSaved = await saveProvider(orgId, actor, version, resolved.write, changes)
  return isSaved ? { ok: true, version: version + 1 } : { ok: false, message: CONFLICT_MESSAGE, code: 'conflict' }
}

/** Deletes the custom provider so the platform default is used again (Revert). */
export async function revertEmailProvider(orgId: string, actor: TActor, expectedVersion: number): Promise<TActionResult<{ version: number }>> {
  const { provider, version } = await getProviderView(orgId)
  if (!provider) return { ok: false, message: 'There is no custom provider to revert: the default provider is already in use.' }
  if (expectedVersion !== version) return { ok: false, message: CONFLICT_MESSAGE, code: 'conflict' }
  const isReverted = await revertProvider(orgId, actor, version)
  return isReverted ? { ok: true, version: version + 1 } : { ok: false, message: CONFLICT_MESSAGE, code: 'conflict' }
}
