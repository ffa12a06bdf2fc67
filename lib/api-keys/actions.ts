'use server'

import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { stepUpFailure } from '@/lib/auth/messages'
import { apiKeyFailure } from '@/lib/api-keys/messages'
import { ZCreateApiKeyForm, ZRevokeApiKey } from '@/lib/api-keys/schema'
import { createApiKey, revokeApiKey } from '@/lib/api-keys/server/store'
import { invalidInput, type TActionResult } from '@/lib/forms/action-result'

/** Create API key: the key comes back in this answer only (it is stored hashed). */
export async function createApiKeyAction(slug: string, input: unknown): Promise<TActionResult<{ key: string; prefix: string }>> {
  const access = await authorizeOrgAction(slug)
  if (!access.ok) return access
  const parsed = ZCreateApiKeyForm.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  // a new key can change where mail goes: it needs a recent sign-in (step-up)
  const stepUp = await access.recentSignIn()
  if (stepUp) return stepUpFailure(stepUp.isCodeRequired)
  const { key, view } = await createApiKey(access.org.id, access.admin, parsed.data)
  return { ok: true, key, prefix: view.prefix }
}

/** Revoke: the key's next request gets 401. */
export async function revokeApiKeyAction(slug: string, input: unknown): Promise<TActionResult> {
  const access = await authorizeOrgAction(slug)
  if (!access.ok) return access
  const parsed = ZRevokeApiKey.safeParse(input)
  if (!parsed.success) return apiKeyFailure('not-found')
  const result = await revokeApiKey(access.org.id, access.admin, parsed.data.id)
  return result.ok ? { ok: true } : apiKeyFailure(result.code)
}
