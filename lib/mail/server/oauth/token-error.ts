import 'server-only'
import { OperationProcessingError, ResponseBodyError, UnsupportedOperationError, WWWAuthenticateChallengeError } from 'oauth4webapi'
import { REFUSED_HOST_REASONS } from '@/lib/mail/server/host-refusal'
import { SmtpHostError } from '@/lib/server/net/resolve-smtp-host'
import { ResponseTooLargeError } from '@/lib/mail/server/oauth/guarded-fetch'
import { oauthFailure } from '@/lib/mail/server/oauth/token-error-oauth'
import type { TTokenField } from '@/lib/mail/oauth-types'
import type { TTokenErrorContext, TTokenFailure } from '@/lib/mail/server/oauth/token-failure'
import { OUT_OF_DATE_CERTIFICATE_CODES, UNTRUSTED_CERTIFICATE_CODES } from '@/lib/server/net/tls-error-codes'

// Turns token request failures into plain words on the form field to fix. Messages are ours and
// name the token endpoint's host; the server's error_description is passed along separately, with
// every secret (and its base64 forms) and anything shaped like a JWT removed.

/** What the classifier knows about the attempt. */
/** A token request that failed; message and hint are safe to show to the organization's admins. */
export class TokenError extends Error {
  readonly isUserSafe = true
  /** The organization's settings (or their provider) are at fault, not one message. */
  readonly isOrgLevel = true
  readonly hint: string
  readonly field: TTokenField
  /** The OAuth error code the endpoint answered (invalid_client, …), or null. */
  readonly oauthError: string | null
  /** True when trying again later may succeed (timeouts, 5xx, DNS trouble). */
  readonly isTransient: boolean
  /** The endpoint's error_description, secrets removed; for support, not for the headline. */
  readonly detail: string | null

  constructor(failure: TTokenFailure, options: { detail?: string | null; cause?: unknown } = {}) {
    super(failure.message, { cause: options.cause })
    this.name = 'TokenError'
    this.hint = failure.hint
    this.field = failure.field
    this.oauthError = failure.oauthError ?? null
    this.isTransient = failure.isTransient ?? false
    this.detail = options.detail ?? null
  }
}

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN'])
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])
const URL_HINT = 'Check the token URL; Microsoft 365 uses https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token'

/** Classifies any error thrown while getting a token into a TokenError on the field to fix. */
export function classifyTokenError(error: unknown, context: TTokenErrorContext): TokenError {
  if (error instanceof TokenError) return error
  if (error instanceof ResponseBodyError) {
    const detail = serverDetail(error.error_description, context.secrets)
    return new TokenError(oauthFailure(error.error, error.error_description ?? '', error.status, context), { detail })
  }
  if (error instanceof WWWAuthenticateChallengeError) {
    const challenge = error.cause.find((entry) => entry.parameters.error) ?? error.cause[0]
    const code = challenge?.parameters.error ?? (error.status === 401 ? 'invalid_client' : 'unknown')
    const description = challenge?.parameters.error_description ?? ''
    return new TokenError(oauthFailure(code, description, error.status, context), { detail: serverDetail(description, context.secrets) })
  }
  // no cause: oauth4webapi's errors carry the response body, which may hold a token
  if (error instanceof OperationProcessingError) return new TokenError(processingFailure(error, context))
  if (error instanceof UnsupportedOperationError) {
    return new TokenError({
      message: `The token endpoint ${context.host} answered with a kind of token this app cannot use`,
      hint: 'SMTP needs a Bearer token: check the token URL',
      field: 'tokenUrl',
    })
  }
  if (error instanceof SmtpHostError) {
    const hint = REFUSED_HOST_REASONS.has(error.reason) ? "Use your identity provider's public token URL" : error.hint
    return new TokenError(
      { message: `Token endpoint: ${error.message}`, hint, field: 'tokenUrl', isTransient: !REFUSED_HOST_REASONS.has(error.reason) },
      { cause: error },
    )
  }
  if (error instanceof ResponseTooLargeError) {
    return new TokenError({
      message: `The token endpoint ${context.host} sent an answer larger than ${error.limit / 1024} KB`,
      hint: URL_HINT,
      field: 'tokenUrl',
    })
  }
  return new TokenError(networkFailure(error, context), { cause: safeCause(error) })
}

function processingFailure(error: OperationProcessingError, context: TTokenErrorContext): TTokenFailure {
  const { host } = context
  const status = error.cause instanceof Response ? error.cause.status : null
  const answered = status ? ` (HTTP ${status})` : ''
  if (status && status >= 500) {
    return {
      message: `The token endpoint ${host} had a server error${answered}`,
      hint: 'Try again in a few minutes; if it keeps failing, check the token URL',
      field: 'tokenUrl',
      isTransient: true,
    }
  }
  if (error.code === 'OAUTH_RESPONSE_IS_NOT_JSON' || error.code === 'OAUTH_PARSE_ERROR') {
    return { message: `The token endpoint ${host} did not answer with JSON${answered}`, hint: URL_HINT, field: 'tokenUrl' }
  }
  if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    return { message: `The token endpoint ${host} answered with an unexpected HTTP status${answered}`, hint: URL_HINT, field: 'tokenUrl' }
  }
  if (error.code === 'OAUTH_HTTP_REQUEST_FORBIDDEN' || error.code === 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN') {
    return { message: 'The token URL must start with https://', hint: URL_HINT, field: 'tokenUrl' }
  }
  return { message: `The token endpoint ${host} answered without a usable access token`, hint: URL_HINT, field: 'tokenUrl' }
}

function networkFailure(error: unknown, context: TTokenErrorContext): TTokenFailure {
  const { host } = context
  const raw = (typeof error === 'object' && error !== null ? error : {}) as { code?: string; name?: string; message?: string }
  const code = raw.code ?? ''
  if (raw.name === 'TimeoutError' || raw.name === 'AbortError' || code === 'ETIMEDOUT') {
    return {
      message: `The token endpoint ${host} did not answer${within(context.timeoutMs)}`,
      hint: 'Try again in a minute; if it keeps happening, check the token URL and that outgoing HTTPS is allowed',
      field: 'tokenUrl',
      isTransient: true,
    }
  }
  if (code === 'ECONNREFUSED') {
    return { message: `Connection refused: nothing accepts connections at the token endpoint ${host}`, hint: URL_HINT, field: 'tokenUrl', isTransient: true }
  }
  if (UNREACHABLE.has(code)) {
    return {
      message: `The token endpoint ${host} cannot be reached from here`,
      hint: 'Check the token URL; if it is right, outgoing connections may be blocked here',
      field: 'tokenUrl',
      isTransient: true,
    }
  }
  if (RESET.has(code)) {
    return {
      message: `The token endpoint ${host} reset the connection`,
      hint: 'Try again; if it keeps happening, check the token URL',
      field: 'tokenUrl',
      isTransient: true,
    }
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      message: `The certificate of the token endpoint is not valid for ${host}`,
      hint: 'Use the token URL your identity provider documents',
      field: 'tokenUrl',
    }
  }
  if (UNTRUSTED_CERTIFICATE_CODES.has(code)) {
    return {
      message: `The certificate of the token endpoint ${host} is not trusted (self-signed or issued by an unknown authority)`,
      hint: 'Use the token URL your identity provider documents; untrusted certificates are refused',
      field: 'tokenUrl',
    }
  }
  if (OUT_OF_DATE_CERTIFICATE_CODES.has(code)) {
    return {
      message: `The certificate of the token endpoint ${host} has expired or is not yet valid`,
      hint: "The endpoint's operator must renew the certificate",
      field: 'tokenUrl',
    }
  }
  if (code === 'EPROTO' || /^ERR_(SSL|TLS)_/.test(code)) {
    return {
      message: `A secure (TLS) connection to the token endpoint ${host} could not be established`,
      hint: 'Check the token URL, including its port',
      field: 'tokenUrl',
    }
  }
  return {
    message: `The token could not be requested from ${host}`,
    hint: 'Try again; if it keeps failing, check the token URL',
    field: 'tokenUrl',
    isTransient: true,
  }
}

// 500 -> " within 0.5 seconds", 10_000 -> " within 10 seconds"
function within(timeoutMs: number | undefined): string {
  if (!timeoutMs) return ' in time'
  const seconds = Number((timeoutMs / 1000).toFixed(1))
  return ` within ${seconds} second${seconds === 1 ? '' : 's'}`
}

// Node's system and TLS errors (they have a code) carry no request data; anything else is dropped,
// oauth4webapi's errors (OAUTH_ codes) first: they may hold the response body, token and all.
function safeCause(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code
  return error instanceof Error && typeof code === 'string' && !code.startsWith('OAUTH_') ? error : undefined
}

/** Removes every secret, its base64 and base64url forms, and JWT-shaped strings from text. */
export function redactSecrets(text: string, secrets: (string | null | undefined)[] = []): string {
  let result = text.replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, '***')
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue
    const base64 = Buffer.from(secret).toString('base64')
    for (const form of [secret, base64, base64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url')]) result = result.split(form).join('***')
  }
  return result
}

function serverDetail(description: string | undefined, secrets: TTokenErrorContext['secrets']): string | null {
  if (!description) return null
  return redactSecrets(description.trim(), secrets).slice(0, 500)
}
