import 'server-only'
import type { TSmtpAuth, TSmtpSettings } from '@/lib/mail/types'
import type { TServiceAccountKey } from '@/lib/mail/oauth-types'
import type { TStoredSettings } from '@/lib/email-provider/types'
import { GOOGLE_MAIL_SCOPE } from '@/lib/email-provider/presets'
import type { TProviderSecrets } from './sealed-secrets'

/**
 * The one place that turns an organization's provider configuration into connection settings and credentials:
 * delivery, the test email and its diagnosis all go through it. `tokenCacheKey` keys the organization's cached
 * access tokens (a test email with unsaved settings uses its own key, so it never reuses or replaces a saved one).
 */
export function smtpSettingsOf(config: Omit<TStoredSettings, 'hasSecret'>, secrets: TProviderSecrets, tokenCacheKey: string): TSmtpSettings {
  return { host: config.host, port: config.port, security: config.security, auth: authOf(config, secrets, tokenCacheKey) }
}

function authOf(config: Omit<TStoredSettings, 'hasSecret'>, secrets: TProviderSecrets, tokenCacheKey: string): TSmtpAuth {
  const username = config.username ?? ''
  switch (config.authKind) {
    case 'none':
      return { kind: 'none' }
    case 'password':
      return { kind: 'password', username, password: secrets.password ?? '' }
    case 'oauth_client_credentials': {
      const { tokenUrl, clientId, scope } = config
      const tokenRequest = {
        kind: 'client-credentials',
        tokenUrl: tokenUrl ?? '',
        clientId: clientId ?? '',
        clientSecret: secrets.clientSecret ?? '',
        scope: scope ?? '',
      } as const
      return { kind: 'oauth2', username, tokenCacheKey, tokenRequest }
    }
    case 'google_service_account': {
      const tokenRequest = {
        kind: 'google-service-account',
        serviceAccountKey: parseKey(secrets.serviceAccountKey),
        user: username,
        scope: GOOGLE_MAIL_SCOPE,
      } as const
      return { kind: 'oauth2', username, tokenCacheKey, tokenRequest }
    }
  }
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
