'use server'

import { authorizeOrgAction } from '@/lib/auth/action-access'
import { ZEmailProviderForm, ZRevertRequest } from '@/lib/email-provider/schema'
import { revertEmailProvider, updateEmailProvider } from '@/lib/email-provider/service'
import { forgetTransport } from '@/lib/mail/transport-cache'
import { invalidInput, type TActionResult } from '@/lib/forms/action-result'

export async function updateEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug)
  if (!access.ok) return access
  const parsed = ZEmailProviderForm.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  const result = await updateEmailProvider(access.org.id, access.admin, parsed.data)
  if (result.ok) forgetTransport(access.org.id)
  return result
}

export async function revertEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug)
  if (!access.ok) return access
  const parsed = ZRevertRequest.safeParse(input)
  if (!parsed.success) return { ok: false, message: 'Tick the box to confirm that you want to revert to the default provider.' }
  const result = await revertEmailProvider(access.org.id, access.admin, parsed.data.version)
  if (result.ok) forgetTransport(access.org.id)
  return result
}
