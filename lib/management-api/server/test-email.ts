import 'server-only'
import { formValuesOf } from '@/lib/email-provider/form-values'
import { ZTestEmailRequest } from '@/lib/email-provider/schema'
import { getProviderView } from '@/lib/email-provider/server/store'
import { sendTestEmailCommand, TEST_EMAIL_LIMIT_MESSAGE } from '@/lib/email-provider/server/commands'
import type { TJsonObject } from '@/lib/management-api/provider-body'
import { readJsonObject } from './body'
import { withApiKey } from './guard'
import { actionFailureProblem, invalidFields, issuesToErrors, problem } from './problem'
import { asProviderForm } from '@/lib/management-api/provider-body'

const NO_SAVED_PROVIDER = 'No custom provider is saved: send the settings to test'

/**
 * POST /api/v1/email-provider/test: Send test email with the given (unsaved) settings, or the saved ones. A test that
 * ran answers 200 with `ok` and the steps, like the dialog; settings it refuses before sending answer 400.
 */
export const postTestEmail = withApiKey('write', async (caller, request) => {
  const read = await readJsonObject(request)
  if (!read.ok) return read.response
  const settings = await settingsToTest(caller.org.id, read.body.settings)
  if (!settings) return invalidFields({ settings: NO_SAVED_PROVIDER })
  const parsed = ZTestEmailRequest.safeParse({ recipient: read.body.recipient, settings })
  if (!parsed.success) return invalidFields(issuesToErrors(parsed.error.issues))
  const outcome = await sendTestEmailCommand(caller.org, caller.actor, parsed.data)
  if ('code' in outcome && outcome.code === 'rate-limited') {
    const detail = `${TEST_EMAIL_LIMIT_MESSAGE} Retry after ${outcome.retryAfterSeconds} seconds.`
    return problem(429, { detail, code: 'rate-limited', headers: { 'Retry-After': String(outcome.retryAfterSeconds) } })
  }
  if ('code' in outcome && outcome.code === 'recipient-refused') {
    if (outcome.retryAfterSeconds === undefined) return invalidFields({ recipient: outcome.message })
    return problem(429, { detail: outcome.message, code: 'rate-limited', headers: { 'Retry-After': String(outcome.retryAfterSeconds) } })
  }
  // refused before any connection (a secret to enter again…): the request was wrong, not the server
  if (!outcome.ok && !outcome.steps) return actionFailureProblem(outcome, 'settings.')
  return Response.json(outcome)
})

// The unsaved settings as the form would send them, or the saved provider's (its secret blank: the saved one is used).
async function settingsToTest(orgId: string, settings: unknown): Promise<unknown> {
  if (settings !== undefined && settings !== null) {
    if (typeof settings !== 'object' || Array.isArray(settings)) return settings
    const body = settings as TJsonObject
    return asProviderForm(body, typeof body.version === 'number' ? body.version : 0)
  }
  const { provider, version } = await getProviderView(orgId)
  return provider ? formValuesOf(provider, version) : null
}
