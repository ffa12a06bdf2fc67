// The Email Provider form's labels, exactly as the product names them (form, audit trail, tests).
import type { TConnectionSecurity } from '@/lib/mail/types'
import type { TAuthKind, TSendingMethod } from './schema'

export const EMAIL_PROVIDER_LABELS = {
  preset: 'Provider',
  sendingMethod: 'Sending method',
  apiKey: 'API key',
  host: 'Server Host',
  port: 'Server Port',
  security: 'Connection security',
  authKind: 'Authentication',
  username: 'Username',
  password: 'Password',
  tenantId: 'Tenant ID',
  tokenUrl: 'Token URL',
  clientId: 'Client ID',
  clientSecret: 'Client Secret',
  clientSecretExpiresAt: 'Client secret expires',
  scope: 'Scope',
  serviceAccountKey: 'Service account key (JSON)',
  serviceAccountEmail: 'Service account',
  fromAddress: 'From Address',
  replyTo: 'Reply-to Address',
  displayName: 'Display Name',
  dkimSelector: 'DKIM selector',
  useDefaultOnFailure: 'Use the default provider when this server fails',
} as const

export const SECURITY_LABELS: Record<TConnectionSecurity, string> = {
  auto: 'Automatic',
  starttls: 'STARTTLS',
  tls: 'TLS',
  none: 'None (internal relay, unencrypted)',
}

/** The Sending method choices of a preset with an HTTP API. */
export const SENDING_METHOD_LABELS: Record<TSendingMethod, string> = { api: 'API', smtp: 'SMTP' }

export const AUTH_KIND_LABELS: Record<TAuthKind, string> = {
  password: 'Password',
  oauth_client_credentials: 'OAuth 2.0 client credentials',
  google_service_account: 'Google service account',
  none: 'None',
}
