import 'server-only'
import { env } from '@/lib/env'
import type { TEmailProviderForm } from '@/lib/email-provider/schema'
import { REFUSED_HOST_REASONS } from '@/lib/mail/server/smtp-error'
import { resolveSmtpHost, SmtpHostError } from '@/lib/server/net/resolve-smtp-host'
import { tokenEndpointOf } from './smtp-settings'

/**
 * Why Update must refuse `host` (an internal, reserved or disguised address: the SSRF guard), or null. A host
 * that does not resolve yet is saved: its emails wait and retry, and Send test email says what is wrong.
 */
export async function hostRefusal(host: string): Promise<string | null> {
  try {
    await resolveSmtpHost(host)
    return null
  } catch (error) {
    if (error instanceof SmtpHostError && REFUSED_HOST_REASONS.has(error.reason)) return error.message
    return null
  }
}

/** Why the token endpoint at `url` may not be called (plain http, or a refused host), or null. */
export async function tokenUrlRefusal(url: string): Promise<string | null> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && !env.SMTP_ALLOW_PRIVATE_HOSTS) return 'Use an https:// address: tokens are never requested over plain http'
  const refusal = await hostRefusal(parsed.hostname.replace(/^\[|\]$/g, ''))
  return refusal && `The token endpoint's host cannot be used: ${refusal.charAt(0).toLowerCase()}${refusal.slice(1)}`
}

/** Every outbound target of the form checked against the SSRF guard: the first refusal, on its field. */
export async function targetRefusal(form: TEmailProviderForm): Promise<{ field: 'host' | 'tokenUrl' | 'serviceAccountKey'; detail: string } | null> {
  // an HTTP API's host is the service's fixed one (checked again when it is dialled)
  if (form.sendingMethod === 'api') return null
  const hostProblem = await hostRefusal(form.host)
  if (hostProblem) return { field: 'host', detail: hostProblem }
  const endpoint = tokenEndpointOf(form)
  const problem = endpoint && (await tokenUrlRefusal(endpoint.url))
  if (!endpoint || !problem) return null
  return { field: endpoint.field, detail: endpoint.field === 'serviceAccountKey' ? `The key's token_uri cannot be used: ${problem}` : problem }
}
