// What the Email Provider form starts from, and what choosing a preset changes in it (client-safe).
import { GOOGLE_MAIL_SCOPE, MICROSOFT_SMTP_SCOPE, presetById, type TProviderPresetId } from './presets'
import type { TEmailProviderFormValues } from './schema'
import type { TProviderView } from './types'

/** The form's values for the saved provider (secrets always blank: they are write-only), or a new Custom SMTP one. */
export function formValuesOf(provider: TProviderView | null, version: number): TEmailProviderFormValues {
  // saved over an API: the stored host is the API's; switching to SMTP starts from the preset's SMTP server
  const smtp = provider?.sendingMethod === 'api' ? presetValues(provider.preset) : {}
  return {
    preset: provider?.preset ?? 'custom',
    sendingMethod: provider?.sendingMethod ?? 'smtp',
    apiKey: '',
    host: smtp.host ?? provider?.host ?? '',
    port: smtp.port ?? (provider ? String(provider.port) : '587'),
    security: smtp.security ?? provider?.security ?? 'auto',
    authKind: provider?.authKind ?? 'password',
    username: provider?.username ?? '',
    password: '',
    tenantId: provider?.tenantId ?? '',
    tokenUrl: provider?.tokenUrl ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    scope: provider?.scope ?? '',
    clientSecretExpiresAt: provider?.clientSecretExpiresAt ? provider.clientSecretExpiresAt.toISOString().slice(0, 10) : '',
    serviceAccountKey: '',
    fromAddress: provider?.fromAddress ?? '',
    replyTo: provider?.replyTo ?? '',
    displayName: provider?.displayName ?? '',
    dkimSelector: provider?.dkimSelector ?? '',
    useDefaultOnFailure: provider?.useDefaultOnFailure ?? false,
    version,
  }
}

/** The fields a preset fills in: its documented host, port, security and authentication (all stay editable). */
export function presetValues(id: TProviderPresetId): Partial<TEmailProviderFormValues> {
  const preset = presetById(id)
  if (!preset) return {}
  const scope = preset.auth === 'oauth_client_credentials' ? MICROSOFT_SMTP_SCOPE : preset.auth === 'google_service_account' ? GOOGLE_MAIL_SCOPE : undefined
  return {
    preset: id,
    // a new set-up of a service with an HTTP API starts on API (saved providers keep what they have)
    sendingMethod: preset.api ? 'api' : 'smtp',
    ...(preset.host ? { host: preset.host } : {}),
    port: String(preset.port),
    security: preset.security,
    // over an API the key is the sign-in: Authentication (SMTP's) does not apply
    authKind: preset.api ? 'none' : preset.auth,
    ...(preset.username ? { username: preset.username } : {}),
    ...(scope ? { scope } : {}),
  }
}

/** What switching the Sending method changes: SMTP gets the preset's documented sign-in back. */
export function sendingMethodValues(id: TProviderPresetId, method: 'api' | 'smtp'): Partial<TEmailProviderFormValues> {
  const preset = presetById(id)
  return { sendingMethod: method, authKind: method === 'api' ? 'none' : (preset?.auth ?? 'password') }
}

/**
 * Switch to OAuth 2.0 (Microsoft's password sign-in deadline): Microsoft 365 with client credentials, the server, port
 * and mailbox kept; the admin fills in Tenant ID, Client ID and Client Secret.
 */
export function microsoftOAuthValues(values: TEmailProviderFormValues): Partial<TEmailProviderFormValues> {
  return { preset: 'microsoft365', authKind: 'oauth_client_credentials', password: '', scope: values.scope || MICROSOFT_SMTP_SCOPE }
}

const DAY_MS = 24 * 60 * 60 * 1000

/** True from 30 days before a client secret expires (and after): the page and the overview warn. */
export function isSecretExpiring(expiresAt: Date | null, now = Date.now()): boolean {
  return expiresAt !== null && expiresAt.getTime() - now <= 30 * DAY_MS
}
