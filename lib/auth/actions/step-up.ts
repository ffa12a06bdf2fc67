'use server'

import { headers } from 'next/headers'
import { ZStepUp, ZStepUpWithCode } from '@/lib/auth/account-schema'
import { guardedStepUp } from '@/lib/auth/server/guarded-step-up'
import { SESSION_ENDED } from '@/lib/auth/server/account-messages'
import { getCurrentAdminSession } from '@/lib/auth/server/session'
import { invalidInput, type TActionResult } from '@/lib/forms/action-result'

/** Confirm it's you: the password (and the app's code when two-factor is on); then the change asked for goes ahead. */
export async function confirmItsYouAction(input: unknown): Promise<TActionResult> {
  const current = await getCurrentAdminSession()
  if (!current) return { ok: false, message: SESSION_ENDED }
  const parsed = (current.session.isTwoFactorOn ? ZStepUpWithCode : ZStepUp).safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  return guardedStepUp(await headers(), parsed.data)
}
