import 'server-only'
import { createHash } from 'node:crypto'
import { requestAccessToken } from '@/lib/mail/server/oauth/token-request'
import type { TAccessToken, TTokenRequest, TTokenRequestOptions } from '@/lib/mail/oauth-types'

// Access tokens per organization, in memory only (never persisted). A token is reused until five
// minutes before it expires; callers asking for the same key at once share one request. The entry
// holds a hash of the credentials, never the credentials: new settings simply miss the cache.

type TEntry = {
  fingerprint: string
  token?: TAccessToken
  pending?: Promise<TAccessToken>
}

const REFRESH_BEFORE_MS = 5 * 60_000
const MAX_ENTRIES = 500

// Map keeps insertion order: re-inserting on use makes the first key the least recently used.
const entries = new Map<string, TEntry>()

/** An access token for this key (usually the organization id), from the cache or the token endpoint. */
export function getAccessToken(cacheKey: string, request: TTokenRequest, options: TTokenRequestOptions = {}): Promise<TAccessToken> {
  const fingerprint = fingerprintOf(request, options)
  const existing = entries.get(cacheKey)
  if (existing?.fingerprint === fingerprint) {
    touch(cacheKey, existing)
    if (existing.pending) return existing.pending
    if (existing.token && existing.token.expiresAt.getTime() - Date.now() > REFRESH_BEFORE_MS) return Promise.resolve(existing.token)
  }
  const entry: TEntry = { fingerprint }
  entry.pending = requestAccessToken(request, options).then(
    (token) => {
      if (entries.get(cacheKey) === entry) entry.token = token
      entry.pending = undefined
      return token
    },
    (error: unknown) => {
      // a failure is not cached: the next call asks again
      if (entries.get(cacheKey) === entry) entries.delete(cacheKey)
      throw error
    },
  )
  touch(cacheKey, entry)
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value
    if (oldest === undefined) break
    entries.delete(oldest)
  }
  return entry.pending
}

/**
 * Forgets the token of this key, so the next getAccessToken asks the endpoint again (after the SMTP
 * server refused it with 535). With `accessToken`, only when that is still the cached one, so
 * callers refused at once do not each start a request.
 */
export function invalidateAccessToken(cacheKey: string, accessToken?: string): void {
  const entry = entries.get(cacheKey)
  if (!entry) return
  if (accessToken !== undefined && entry.token?.accessToken !== accessToken) return
  entries.delete(cacheKey)
}

/** Forgets every token (between tests). */
export function clearAccessTokens(): void {
  entries.clear()
}

function touch(cacheKey: string, entry: TEntry): void {
  entries.delete(cacheKey)
  entries.set(cacheKey, entry)
}

// Hashed: the client secret and private key are not kept readable in the cache.
function fingerprintOf(request: TTokenRequest, options: TTokenRequestOptions): string {
  const material =
    request.kind === 'client-credentials'
      ? [request.kind, request.tokenUrl, request.clientId, request.clientSecret, request.scope]
      : [
          request.kind,
          request.serviceAccountKey.client_email,
          request.serviceAccountKey.private_key,
          request.serviceAccountKey.private_key_id ?? '',
          request.serviceAccountKey.token_uri,
          request.user,
          request.scope ?? '',
        ]
  return createHash('sha256')
    .update(JSON.stringify([...material, options.allowPrivateHosts ?? false]))
    .digest('hex')
}
