import 'server-only'
import XOAuth2 from 'nodemailer/lib/xoauth2'
import { getAccessToken, invalidateAccessToken } from '@/lib/mail/server/oauth'
import type { TTokenRequest, TTokenRequestOptions } from '@/lib/mail/oauth-types'
import type { TSmtpAuth } from '@/lib/mail/types'

// XOAUTH2 through nodemailer: its provisionCallback asks the OAuth module's in-memory cache for the token at sign-in
// time. nodemailer calls it again with `renew` after the server refused a token; that token is dropped from the cache
// first, so exactly one fresh token is fetched before the refusal is reported.

export type TOAuth2Auth = Extract<TSmtpAuth, { kind: 'oauth2' }>

type TProvisionResult = (err: Error | null, accessToken: string, expires: number) => void

/** The `this` nodemailer's XOAuth2 calls the callback with: it holds the token the server just refused. */
type TXOAuth2State = { accessToken?: string | false } | undefined

const MAX_KEYS = 500
// the last token handed out per cache key, so replies that echo it can be redacted
const recentTokens = new Map<string, string>()

/** nodemailer's `provisionCallback` for this sign-in. */
export function provisionCallbackFor(auth: TOAuth2Auth, options: TTokenRequestOptions = {}) {
  return function provision(this: TXOAuth2State, _user: string, renew: boolean, callback: TProvisionResult): void {
    if (renew) {
      const refused = (typeof this?.accessToken === 'string' && this.accessToken) || recentTokens.get(auth.tokenCacheKey)
      if (refused) invalidateAccessToken(auth.tokenCacheKey, refused)
    }
    getAccessToken(auth.tokenCacheKey, auth.tokenRequest, options).then(
      (token) => {
        rememberToken(auth.tokenCacheKey, token.accessToken)
        // "expires now": nodemailer keeps no token of its own, every sign-in asks the cache above
        callback(null, token.accessToken, Date.now())
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
    )
  }
}

/** nodemailer's auth option for XOAUTH2 (transport and pool). */
export function xoauth2AuthOption(auth: TOAuth2Auth, options: TTokenRequestOptions = {}) {
  return { type: 'OAuth2' as const, user: auth.username, provisionCallback: provisionCallbackFor(auth, options) }
}

/** A token generator for a single SMTPConnection (the test email's session). */
export function xoauth2For(auth: TOAuth2Auth, options: TTokenRequestOptions = {}): XOAuth2 {
  return new XOAuth2({ user: auth.username, provisionCallback: provisionCallbackFor(auth, options) })
}

/** True for a token the SMTP server refused (not one that could not be fetched: that is a TokenError). */
export function isRefusedToken(error: unknown): boolean {
  const raw = (typeof error === 'object' && error !== null ? error : {}) as { code?: string; command?: string; responseCode?: number }
  return raw.code === 'EAUTH' && raw.command === 'AUTH XOAUTH2' && typeof raw.responseCode === 'number' && raw.responseCode >= 500
}

/** The access token last handed out for this cache key (to redact it, and to tell a cached token from a new one). */
export function recentAccessToken(cacheKey: string): string | undefined {
  return recentTokens.get(cacheKey)
}

/** The host of the token endpoint, for messages ("Access token from login.microsoftonline.com"). */
export function tokenEndpointHost(request: TTokenRequest): string {
  const url = request.kind === 'client-credentials' ? request.tokenUrl : request.serviceAccountKey?.token_uri
  try {
    return new URL(url ?? '').host || 'the token endpoint'
  } catch {
    return 'the token endpoint'
  }
}

function rememberToken(cacheKey: string, accessToken: string): void {
  recentTokens.delete(cacheKey)
  recentTokens.set(cacheKey, accessToken)
  while (recentTokens.size > MAX_KEYS) {
    const oldest = recentTokens.keys().next().value
    if (oldest === undefined) break
    recentTokens.delete(oldest)
  }
}
