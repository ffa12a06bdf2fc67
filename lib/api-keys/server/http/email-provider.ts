import 'server-only'
import { ZRevertBody } from '@/lib/api-keys/api-schema'
import { providerFailure } from '@/lib/email-provider/messages'
import { ZEmailProviderForm } from '@/lib/email-provider/schema'
import { targetRefusal } from '@/lib/email-provider/server/host-check'
import { revertEmailProvider, updateEmailProvider, type TProviderResult } from '@/lib/email-provider/server/service'
import { getProviderView } from '@/lib/email-provider/server/store'
import { forgetTransport, orgTransportKey } from '@/lib/mail/server/transport-cache'
import type { TApiCaller } from '@/lib/api-keys/server/authenticate'
import { expectedVersion, readJsonObject } from './body'
import { withApiKey } from './guard'
import { actionFailureProblem, invalidFields, issuesToErrors, problem } from './problem'
import { asProviderForm } from '@/lib/api-keys/provider-body'
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
  const refusal = await targetRefusal(parsed.data)
  if (refusal) return actionFailureProblem(providerFailure({ ok: false, code: 'host-refused', ...refusal }))
  return afterChange(caller, await updateEmailProvider(caller.org.id, caller.actor, parsed.data))
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
  const result = await revertEmailProvider(caller.org.id, caller.actor, current)
  if (!result.ok && result.code === 'nothing-to-revert') return problem(409, { detail: providerFailure(result).message, code: 'nothing-to-revert' })
  return afterChange(caller, result)
})

// A saved or reverted provider takes effect for the next email: the pooled connection to the old server goes.
async function afterChange(caller: TApiCaller, result: TProviderResult): Promise<Response> {
  if (!result.ok) return actionFailureProblem(providerFailure(result))
  forgetTransport(orgTransportKey(caller.org.id))
  return currentProvider(caller.org.id)
}

async function currentProvider(orgId: string): Promise<Response> {
  const { provider, version } = await getProviderView(orgId)
  return Response.json({ provider: provider ? providerResource(provider) : null, version }, { headers: { ETag: `"${version}"` } })
}
