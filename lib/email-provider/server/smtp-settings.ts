import 'server-only'
import type { TSmtpAuth, TSmtpSettings } from '@/lib/mail/types'
import type { TTransportConfig } from '@/lib/mail/server/transports'
import { apiBaseUrlOf } from '@/lib/mail/server/transports/http/base-url'
import { presetApiOf } from '@/lib/email-provider/presets'
import type { TServiceAccountKey } from '@/lib/mail/oauth-types'
import type { TAuthKind, TEmailProviderForm } from '@/lib/email-provider/schema'
import type { TStoredSettings } from '@/lib/email-provider/types'
import { GOOGLE_MAIL_SCOPE } from '@/lib/email-provider/presets'
import type { TProviderSecrets } from './sealed-secrets'

type TConfig = Omit<TStoredSettings, 'hasSecret'>
type TFormOf<TKind extends TAuthKind> = Extract<TEmailProviderForm, { authKind: TKind }>

type TSignInCredentials<TKind extends TAuthKind> = {
  /** How it signs in to the server, from the stored settings and the opened secrets. */
  auth(config: TConfig, secrets: TProviderSecrets, tokenCacheKey: string): TSmtpAuth
  /** The token endpoint a form of this kind would have us call (the SSRF guard checks it), on its field. */
  tokenEndpoint(form: TFormOf<TKind>): { field: 'tokenUrl' | 'serviceAccountKey'; url: string } | null
}

/** Each sign-in kind's server side (see ../sign-in-kinds.ts for the rest of its entry). */
const SIGN_IN_CREDENTIALS: { [TKind in TAuthKind]: TSignInCredentials<TKind> } = {
  none: { auth: () => ({ kind: 'none' }), tokenEndpoint: () => null },
  password: {
    auth: (config, secrets) => ({ kind: 'password', username: config.username ?? '', password: secrets.password ?? '' }),
    tokenEndpoint: () => null,
  },
  oauth_client_credentials: {
    auth: (config, secrets, tokenCacheKey) => {
      const tokenRequest = {
        kind: 'client-credentials',
        tokenUrl: config.tokenUrl ?? '',
        clientId: config.clientId ?? '',
        clientSecret: secrets.clientSecret ?? '',
        scope: config.scope ?? '',
      } as const
      return { kind: 'oauth2', username: config.username ?? '', tokenCacheKey, tokenRequest }
    },
    tokenEndpoint: (form) => ({ field: 'tokenUrl', url: form.tokenUrl }),
  },
  google_service_account: {
    auth: (config, secrets, tokenCacheKey) => {
      const username = config.username ?? ''
      const tokenRequest = {
        kind: 'google-service-account',
        serviceAccountKey: parseKey(secrets.serviceAccountKey),
        user: username,
        scope: GOOGLE_MAIL_SCOPE,
      } as const
      return { kind: 'oauth2', username, tokenCacheKey, tokenRequest }
    },
    tokenEndpoint: (form) => {
      const pasted = form.serviceAccountKey.trim()
      return pasted ? { field: 'serviceAccountKey', url: (JSON.parse(pasted) as { token_uri: string }).token_uri } : null
    },
  },
}

/**
 * The one place that turns an organization's provider configuration into connection settings and credentials:
 * delivery, the test email and its diagnosis all go through it. `tokenCacheKey` keys the organization's cached
 * access tokens (a test email with unsaved settings uses its own key, so it never reuses or replaces a saved one).
 */
export function smtpSettingsOf(config: TConfig, secrets: TProviderSecrets, tokenCacheKey: string): TSmtpSettings {
  return { host: config.host, port: config.port, security: config.security, auth: SIGN_IN_CREDENTIALS[config.authKind].auth(config, secrets, tokenCacheKey) }
}

/** The configuration's sending method with what it needs to send: what delivery and the test email pass to transports/. */
export function transportConfigOf(config: TConfig, secrets: TProviderSecrets, tokenCacheKey: string): TTransportConfig {
  const api = config.sendingMethod === 'api' ? presetApiOf(config.preset) : undefined
  if (api) return { method: api.service, apiKey: secrets.apiKey ?? '', baseUrl: apiBaseUrlOf(api.service).href }
  return { method: 'smtp', settings: smtpSettingsOf(config, secrets, tokenCacheKey) }
}

/** The token endpoint a valid form would have us call, if its sign-in kind has one. */
export function tokenEndpointOf<TKind extends TAuthKind>(form: TFormOf<TKind>): { field: 'tokenUrl' | 'serviceAccountKey'; url: string } | null {
  return (SIGN_IN_CREDENTIALS[form.authKind as TKind] as TSignInCredentials<TKind>).tokenEndpoint(form)
}

// The schema checked the key when it was entered; a damaged one reaches the token step, which says so.
function parseKey(json: string | undefined): TServiceAccountKey {
  try {
    const key = JSON.parse(json ?? '{}') as Partial<TServiceAccountKey>
    return { client_email: key.client_email ?? '', private_key: key.private_key ?? '', token_uri: key.token_uri ?? '', private_key_id: key.private_key_id }
  } catch {
    return { client_email: '', private_key: '', token_uri: '' }
  }
}
