import 'server-only'

// OAuth 2.0 access tokens for SMTP XOAUTH2: Microsoft 365 (client credentials) and Google
// service accounts (JWT bearer grant), cached per organization in memory.

export { clearAccessTokens, getAccessToken, invalidateAccessToken } from '@/lib/mail/server/oauth/token-cache'
export { requestAccessToken } from '@/lib/mail/server/oauth/token-request'
export { classifyTokenError, redactSecrets, TokenError } from '@/lib/mail/server/oauth/token-error'
export type { TTokenErrorContext, TTokenFailure } from '@/lib/mail/server/oauth/token-failure'
export type {
  TAccessToken,
  TClientCredentialsRequest,
  TServiceAccountKey,
  TServiceAccountRequest,
  TTokenField,
  TTokenRequest,
  TTokenRequestOptions,
} from '@/lib/mail/oauth-types'
