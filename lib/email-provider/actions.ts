'use server'

import { authorizeOrgAction } from '@/lib/auth/server/action-access'
import { PERMISSIONS } from '@/lib/members/roles'
import { CORRECT_THE_FIELDS, providerFailure } from '@/lib/email-provider/messages'
import { ZEmailProviderForm, ZRevertRequest, ZTestEmailRequest } from '@/lib/email-provider/schema'
import type { TTestEmailOutcome } from '@/lib/email-provider/types'
import {
  revertProviderCommand,
  sendTestEmailCommand,
  TEST_EMAIL_LIMIT_MESSAGE,
  updateProviderCommand,
  type TProviderCommandResult,
} from '@/lib/email-provider/server/commands'
import { invalidInput, toFieldErrors, type TActionResult } from '@/lib/forms/action-result'
import { describeRetryAfter } from '@/lib/server/rate-limit'

export async function updateEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  const parsed = ZEmailProviderForm.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error.issues)
  return actionResult(await updateProviderCommand(access.org, access.admin, parsed.data, access.recentSignIn))
}

export async function revertEmailProviderAction(slug: string, input: unknown): Promise<TActionResult<{ version: number }>> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  const parsed = ZRevertRequest.safeParse(input)
  if (!parsed.success) return providerFailure({ ok: false, code: 'not-confirmed' })
  return actionResult(await revertProviderCommand(access.org, access.admin, parsed.data.version, access.recentSignIn))
}

export async function sendTestEmailAction(slug: string, input: unknown): Promise<TTestEmailOutcome> {
  const access = await authorizeOrgAction(slug, PERMISSIONS['edit-provider'])
  if (!access.ok) return access
  const parsed = ZTestEmailRequest.safeParse(input)
  if (!parsed.success) {
    // settings.port → port: errors land on the form's fields, recipient on the dialog's
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: issue.path[0] === 'settings' ? issue.path.slice(1) : issue.path }))
    return { ok: false, message: CORRECT_THE_FIELDS, fieldErrors: toFieldErrors(issues) }
  }
  const outcome = await sendTestEmailCommand(access.org, access.admin, parsed.data)
  if ('code' in outcome && outcome.code === 'rate-limited')
    return { ok: false, message: `${TEST_EMAIL_LIMIT_MESSAGE} ${describeRetryAfter(outcome.retryAfterSeconds)}` }
  if ('code' in outcome && outcome.code === 'recipient-refused')
    return { ok: false, message: 'Not sent: choose another recipient.', fieldErrors: { recipient: outcome.message } }
  return outcome
}

function actionResult(result: TProviderCommandResult): TActionResult<{ version: number }> {
  return result.ok ? result : providerFailure(result)
}
