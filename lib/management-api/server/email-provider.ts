import 'server-only'
import { ZRevertBody } from '@/lib/management-api/api-schema'
import { providerFailure } from '@/lib/email-provider/messages'
import { ZEmailProviderForm } from '@/lib/email-provider/schema'
import { revertProviderCommand, updateProviderCommand, type TProviderCommandResult } from '@/lib/email-provider/server/commands'
import { getProviderView } from '@/lib/email-provider/server/store'
import { API_KEY_ACTS_AS_ITSELF } from '@/lib/auth/server/recent-sign-in'
import { expectedVersion, readJsonObject } from './body'
import { withApiKey } from './guard'
import { actionFailureProblem, invalidFields, issuesToErrors, problem } from './problem'
import { asProviderForm } from '@/lib/management-api/provider-body'
import { providerResource } from './provider-resource'

const VERSION_REQUIRED = 'Send the version you read (the ETag of GET): an If-Match header or a version field'
const VERSION_INVALID = 'If-Match must be the version you read, e.g. "3"'

/** GET /api/v1/email-provider: the provider as the console shows it, or `provider: null` while the default is used. */
export const getEmailProvider = withApiKey('read', async (caller) => currentProvider(caller.org.id))

/** PUT /api/v1/email-provider: Update, through the console's schema, SSRF guard and service. */
export const putEmailProvider = withApiKey('write', async (caller, request) => {
  const read = await readJsonObject(request)
  if (!read.ok) return read.response
  const version = expectedVersion(request, read.body.version)
  if (version === undefined) return problem(428, { detail: VERSION_REQUIRED, code: 'version-required', errors: { version: VERSION_REQUIRED } })
  if (version === 'invalid') return invalidFields({ version: VERSION_INVALID })
  const parsed = ZEmailProviderForm.safeParse(asProviderForm(read.body, version))
  if (!parsed.success) return invalidFields(issuesToErrors(parsed.error.issues))
  return answer(caller.org.id, await updateProviderCommand(caller.org, caller.actor, parsed.data, API_KEY_ACTS_AS_ITSELF))
})

/** DELETE /api/v1/email-provider with `{"confirm": true}`: Revert to the platform's default provider. */
export const deleteEmailProvider = withApiKey('write', async (caller, request) => {
  const read = await readJsonObject(request)
  if (!read.ok) return read.response
  const parsed = ZRevertBody.safeParse(read.body)
  if (!parsed.success) return invalidFields(issuesToErrors(parsed.error.issues))
  const version = expectedVersion(request, parsed.data.version)
  if (version === 'invalid') return invalidFields({ version: VERSION_INVALID })
  const current = version ?? (await getProviderView(caller.org.id)).version
  const result = await revertProviderCommand(caller.org, caller.actor, current, API_KEY_ACTS_AS_ITSELF)
  if (!result.ok && result.code === 'nothing-to-revert') return problem(409, { detail: providerFailure(result).message, code: 'nothing-to-revert' })
  return answer(caller.org.id, result)
})

async function answer(orgId: string, result: TProviderCommandResult): Promise<Response> {
  return result.ok ? currentProvider(orgId) : actionFailureProblem(providerFailure(result))
}

async function currentProvider(orgId: string): Promise<Response> {
  const { provider, version } = await getProviderView(orgId)
  return Response.json({ provider: provider ? providerResource(provider) : null, version }, { headers: { ETag: `"${version}"` } })
}
