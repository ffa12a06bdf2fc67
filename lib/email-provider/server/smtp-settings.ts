import 'server-only'
import type { TSmtpSettings } from '@/lib/mail/types'
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
  const { host, port, security } = config
  const username = config.username ?? ''
  switch (config.authKind) {
    case 'none':
      return { host, port, security, auth: { kind: 'none' } }
    case 'password':
      return { host, port, security, auth: { kind: 'password', username, password: secrets.password ?? '' } }
    case 'oauth_client_credentials':
      return {
        host,
        port,
        security,
        auth: {
          kind: 'oauth2',
          username,
          tokenCacheKey,
          tokenRequest: {
            kind: 'client-credentials',
            tokenUrl: config.tokenUrl ?? '',
            clientId: config.clientId ?? '',
            clientSecret: secrets.clientSecret ?? '',
            scope: config.scope ?? '',
          },
        },
      }
    case 'google_service_account':
      return {
        host,
        port,
        security,
        auth: {
          kind: 'oauth2',
          username,
          tokenCacheKey,
          tokenRequest: { kind: 'google-service-account', serviceAccountKey: parseKey(secrets.serviceAccountKey), user: username, scope: GOOGLE_MAIL_SCOPE },
        },
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
