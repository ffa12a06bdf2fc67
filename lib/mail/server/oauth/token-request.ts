import 'server-only'
import { importPKCS8, SignJWT } from 'jose'
import * as oauth from 'oauth4webapi'
import { guardedFetch } from '@/lib/mail/server/oauth/guarded-fetch'
import { classifyTokenError, TokenError } from '@/lib/mail/server/oauth/token-error'
import type { TTokenErrorContext } from '@/lib/mail/server/oauth/token-failure'
import type { TAccessToken, TClientCredentialsRequest, TServiceAccountRequest, TTokenRequest, TTokenRequestOptions } from '@/lib/mail/oauth-types'
import { getMetrics } from '@/lib/server/metrics'

// Gets an access token from the token endpoint: the client credentials grant (Microsoft 365), or
// the JWT bearer grant of a Google service account. oauth4webapi builds and checks the exchange;
// the HTTP request goes through the SSRF guard (guarded-fetch.ts).

const DEFAULT_TIMEOUT_MS = 10_000
const GOOGLE_SCOPE = 'https://mail.google.com/'
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
const ASSERTION_LIFETIME_S = 3600
/** When the endpoint gives no expires_in (RFC 6749 only recommends it). */
const ASSUMED_LIFETIME_S = 3600

/** Requests an access token; every failure is a TokenError on the field to fix. */
export async function requestAccessToken(request: TTokenRequest, options: TTokenRequestOptions = {}): Promise<TAccessToken> {
  const { allowPrivateHosts = false, timeoutMs = DEFAULT_TIMEOUT_MS } = options
  const tokenUrl = request.kind === 'client-credentials' ? request.tokenUrl : request.serviceAccountKey?.token_uri
  const url = parseTokenUrl(tokenUrl, request.kind, allowPrivateHosts)
  const context: TTokenErrorContext = { kind: request.kind, host: url.host, timeoutMs, secrets: secretsOf(request) }
  const signal = AbortSignal.timeout(timeoutMs)
  const httpOptions = {
    signal,
    [oauth.customFetch]: guardedFetch({ allowPrivateHosts, timeoutMs }),
    [oauth.allowInsecureRequests]: allowPrivateHosts,
  }
  const as: oauth.AuthorizationServer = { issuer: url.origin, token_endpoint: url.href }
  try {
    const answer =
      request.kind === 'client-credentials' ? await clientCredentials(as, request, httpOptions) : await serviceAccount(as, request, context, httpOptions)
    const lifetime = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : ASSUMED_LIFETIME_S
    getMetrics().tokenRequests.inc({ outcome: 'ok' })
    return { accessToken: answer.access_token, expiresAt: new Date(Date.now() + lifetime * 1000) }
  } catch (error) {
    getMetrics().tokenRequests.inc({ outcome: 'error' })
    throw classifyTokenError(signal.aborted && !(error instanceof TokenError) ? signal.reason : error, context)
  }
}

type THttpOptions = oauth.TokenEndpointRequestOptions

async function clientCredentials(
  as: oauth.AuthorizationServer,
  request: TClientCredentialsRequest,
  httpOptions: THttpOptions,
): Promise<oauth.TokenEndpointResponse> {
  const clientId = required(request.clientId, 'clientId', 'Enter the Client ID (Application ID) of the app registration')
  const secret = required(request.clientSecret, 'clientSecret', 'Enter the client secret of the app registration')
  const scope = required(request.scope, 'scope', 'Enter the scope; Microsoft 365 uses https://outlook.office365.com/.default')
  const client: oauth.Client = { client_id: clientId }
  const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretPost(secret), new URLSearchParams({ scope }), httpOptions)
  return oauth.processClientCredentialsResponse(as, client, response)
}

async function serviceAccount(
  as: oauth.AuthorizationServer,
  request: TServiceAccountRequest,
  context: TTokenErrorContext,
  httpOptions: THttpOptions,
): Promise<oauth.TokenEndpointResponse> {
  const assertion = await signAssertion(request)
  context.secrets?.push(assertion)
  const client: oauth.Client = { client_id: request.serviceAccountKey.client_email }
  // the assertion is the credential: no client authentication
  const noClientAuth: oauth.ClientAuth = () => undefined
  const response = await oauth.genericTokenEndpointRequest(as, client, noClientAuth, JWT_BEARER, new URLSearchParams({ assertion }), httpOptions)
  return oauth.processGenericTokenEndpointResponse(as, client, response)
}

/** The RS256 JWT a service account presents (RFC 7523), for `user` by domain-wide delegation. */
async function signAssertion(request: TServiceAccountRequest): Promise<string> {
  const { serviceAccountKey: key } = request
  const keyHint = 'Paste the JSON key file of the service account (Google Cloud console > IAM > Service accounts > Keys), unchanged'
  const issuer = required(key.client_email, 'serviceAccountKey', keyHint, 'The service account key has no client_email')
  const user = required(request.user, 'username', 'Enter the Google Workspace user the email is sent as, such as noreply@example.com')
  const scope = request.scope?.trim() || GOOGLE_SCOPE
  let privateKey: CryptoKey
  try {
    privateKey = await importPKCS8(key.private_key ?? '', 'RS256')
  } catch {
    throw new TokenError({
      message: 'The private_key of the service account key is not a valid RSA private key (PKCS#8 PEM)',
      hint: keyHint,
      field: 'serviceAccountKey',
    })
  }
  const issuedAt = Math.floor(Date.now() / 1000)
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(key.private_key_id ? { kid: key.private_key_id } : {}) })
    .setIssuer(issuer)
    .setSubject(user)
    .setAudience(key.token_uri)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_LIFETIME_S)
    .sign(privateKey)
}

function parseTokenUrl(raw: string | undefined, kind: TTokenRequest['kind'], allowPrivateHosts: boolean): URL {
  const field = kind === 'client-credentials' ? 'tokenUrl' : 'serviceAccountKey'
  const hint =
    kind === 'client-credentials'
      ? 'Microsoft 365 uses https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token'
      : 'Paste the service account key file unchanged: its token_uri is https://oauth2.googleapis.com/token'
  const url = parseUrl(raw)
  if (!url)
    throw new TokenError({ message: kind === 'client-credentials' ? 'Enter the token URL' : 'The service account key has no valid token_uri', hint, field })
  if (url.protocol !== 'https:' && !(allowPrivateHosts && url.protocol === 'http:')) {
    throw new TokenError({ message: 'The token URL must start with https://', hint, field })
  }
  if (url.username || url.password) throw new TokenError({ message: 'The token URL must not contain a user name or password', hint, field })
  return url
}

function parseUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw?.trim() ?? '')
  } catch {
    return null
  }
}

function required(value: string | undefined, field: TokenError['field'], hint: string, message?: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : ''
  if (!trimmed) throw new TokenError({ message: message ?? `Enter the ${FIELD_NAMES[field ?? 'tokenUrl']}`, hint, field })
  return trimmed
}

const FIELD_NAMES: Record<NonNullable<TokenError['field']>, string> = {
  tokenUrl: 'token URL',
  clientId: 'Client ID',
  clientSecret: 'client secret',
  scope: 'scope',
  serviceAccountKey: 'service account key',
  username: 'username',
}

function secretsOf(request: TTokenRequest): string[] {
  const secret = request.kind === 'client-credentials' ? request.clientSecret : request.serviceAccountKey?.private_key
  return typeof secret === 'string' ? [secret, secret.trim()] : []
}
