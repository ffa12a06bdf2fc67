import 'server-only'
import type { TResolvedSecurity, TSmtpFailure, TSmtpSettings, TSmtpStage } from '@/lib/mail/types'
import { redactSecrets, TokenError } from '@/lib/mail/server/oauth'
import { SmtpHostError } from '@/lib/server/net/resolve-smtp-host'
import { REFUSED_HOST_REASONS } from './host-refusal'
import { providerReplyFailure } from './provider-replies'
import { knownSecurity } from './security'
import { isImplicitTls, type TSmtpTuning } from './smtp-config'
import { tlsFailure } from './smtp-error-tls'
import type { TErrorContext, TFailureCore, TRawSmtpError } from './smtp-error-types'
import { recentAccessToken } from './xoauth2'

export type { TErrorContext, TFailureCore, TRawSmtpError } from './smtp-error-types'
export { REFUSED_HOST_REASONS } from './host-refusal'

// Turns nodemailer / DNS / TLS errors into plain words on the field to fix. Rules run in order,
// the first match wins. Messages are ours; the server's reply is passed along separately.

export const AUTH_FAILED_MESSAGE = 'Authentication failed: the server rejected the username or password'

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENODATA', 'EAI_NONAME'])
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN'])

// The start of every XOAUTH2 initial response ("user=") in base64, and Google's opaque access tokens
const XOAUTH2_BASE64 = /dXNlcj[A-Za-z0-9+/]{8,}={0,2}/g
const GOOGLE_TOKEN = /\bya29\.[\w.-]+/g

/**
 * The error context for an attempt with these settings; `resolved` is the security actually used when known
 * (otherwise the last `auto` verdict for this host and port, if any).
 */
export function errorContextFor(settings: TSmtpSettings, tuning?: TSmtpTuning, resolved?: TResolvedSecurity): TErrorContext {
  const security = resolved ?? (settings.security === 'auto' ? knownSecurity(settings.host, settings.port) : null)
  const implicitTls = security ? security.mode === 'tls' : settings.security === 'tls' || (settings.security === 'auto' && isImplicitTls(settings.port, tuning))
  return {
    ...(tuning?.isPlatformDefault ? {} : { host: settings.host, port: settings.port }),
    implicitTls,
    security: settings.security,
    authKind: settings.auth.kind,
    secrets: secretsOf(settings),
    ...(security?.isDetected ? { portSpeaksTls: true } : {}),
  }
}

/** Classifies any error thrown while sending into a user-safe failure on the field to fix. */
export function classifySmtpError(error: unknown, context: TErrorContext = {}): TSmtpFailure {
  if (error instanceof SmtpHostError) {
    // a refused or malformed host stays refused; only lookups that failed may succeed later
    return { field: 'host', stage: 'dns', message: error.message, hint: error.hint, isPermanent: REFUSED_HOST_REASONS.has(error.reason) }
  }
  // nodemailer passes the provision callback's error on as the same object (code EAUTH, command AUTH XOAUTH2)
  if (error instanceof TokenError) {
    const detail = error.detail ? redactReply(error.detail, context) : undefined
    return { field: error.field, stage: 'token', message: error.message, hint: error.hint, ...(detail ? { reply: detail } : {}), isPermanent: false }
  }
  const raw: TRawSmtpError = typeof error === 'object' && error !== null ? (error as TRawSmtpError) : { message: String(error) }
  const core = coreFailure(raw, context)
  const reply = typeof raw.response === 'string' ? serverReplyForAdmins(raw.response, context) : undefined
  const code = typeof raw.responseCode === 'number' ? raw.responseCode : undefined
  return { ...core, ...(code ? { code } : {}), ...(reply ? { reply } : {}), isPermanent: isPermanentFailure(raw) }
}

/** Permanent only on a 5xx reply (nodemailer's `permanent`); network errors, timeouts and 4xx are transient. */
export function isPermanentFailure(raw: TRawSmtpError): boolean {
  if (typeof raw.responseCode !== 'number') return false
  return typeof raw.permanent === 'boolean' ? raw.permanent : raw.responseCode >= 500 && raw.responseCode < 600 && raw.responseCode !== 503
}

/** The session stage an SMTP command belongs to. */
export function stageOfCommand(command: string | undefined, fallback: TSmtpStage): TSmtpStage {
  if (!command) return fallback
  if (/^(EHLO|HELO|LHLO)$/.test(command)) return 'ehlo'
  if (command === 'STARTTLS') return 'tls'
  if (command.startsWith('AUTH')) return 'auth'
  if (command === 'MAIL FROM') return 'mail'
  if (command === 'RCPT TO') return 'rcpt'
  if (command === 'DATA') return 'data'
  return fallback
}

function coreFailure(raw: TRawSmtpError, context: TErrorContext): TFailureCore {
  const system = raw.originalCode ?? raw.code ?? ''
  const where = context.port ? `port ${context.port}${context.host ? ` of ${context.host}` : ''}` : 'this port'
  // well-known Microsoft 365 and Google replies say more than the generic rules below
  const provider = providerReplyFailure(raw)
  if (provider) return provider
  if (DNS_CODES.has(system) || raw.code === 'EDNS') {
    return { field: 'host', stage: 'dns', message: 'The host name could not be found', hint: 'Check the spelling of the host name' }
  }
  if (raw.responseCode === 530) {
    return {
      field: 'username',
      stage: stageOfCommand(raw.command, 'mail'),
      message: 'This server requires authentication: enter a username and password',
      hint: "Use the SMTP username and password (or API key) from your provider's dashboard",
    }
  }
  if (raw.code === 'EAUTH') return authFailure(raw, context)
  if ((raw.code === 'ETLS' && raw.command === 'STARTTLS' && raw.response) || /does not support required STARTTLS/.test(raw.message ?? '')) {
    return noStartTlsFailure(context)
  }
  if (raw.code === 'ETIMEDOUT') return timeoutFailure(raw, context)
  const tls = tlsFailure(raw, system, context)
  if (tls) return tls
  if (system === 'ECONNREFUSED') {
    return {
      field: 'port',
      stage: 'tcp',
      message: `Connection refused: nothing accepts connections on ${where}`,
      hint: 'Check the port: providers use 587 (STARTTLS) or 465 (TLS), some also 2525',
    }
  }
  if (UNREACHABLE_CODES.has(system)) {
    return {
      field: 'host',
      stage: 'tcp',
      message: "The server's network cannot be reached from here",
      hint: 'Check the host name; if it is right, outgoing connections may be blocked here',
    }
  }
  if (system === 'ECONNRESET' || system === 'EPIPE') {
    return {
      field: null,
      stage: stageOfCommand(raw.command, 'tcp'),
      message: 'The server reset the connection',
      hint: 'Try again; if it keeps happening, check the port and whether the server accepts connections from here',
    }
  }
  if (raw.code === 'EENVELOPE') return envelopeFailure(raw)
  if (raw.code === 'EMESSAGE') {
    const tooLarge = raw.responseCode === 552 || /larger than allowed/.test(raw.message ?? '')
    return tooLarge
      ? { field: null, stage: 'data', message: 'The message is larger than this server accepts', hint: 'Send a smaller message' }
      : {
          field: null,
          stage: 'data',
          message: 'The server refused the message',
          hint: "The server's reply says why; spam filters sometimes refuse test content",
        }
  }
  if (raw.code === 'ECONNECTION') {
    return raw.responseCode === 421
      ? {
          field: null,
          stage: stageOfCommand(raw.command, 'ehlo'),
          message: 'The server closed the connection: it is busy or limiting connections',
          hint: 'Try again in a few minutes',
        }
      : {
          field: null,
          stage: stageOfCommand(raw.command, 'ehlo'),
          message: 'The server closed the connection unexpectedly',
          hint: 'Check the port and TLS mode; some servers also drop connections from addresses they block',
        }
  }
  if (raw.code === 'EPROTOCOL') {
    return raw.command === 'CONN' && raw.responseCode
      ? {
          field: 'host',
          stage: 'ehlo',
          message: 'The server refused the session',
          hint: "The server's reply says why; it may not accept connections from this address",
        }
      : {
          field: null,
          stage: stageOfCommand(raw.command, 'ehlo'),
          message: 'The server sent a reply this app does not understand',
          hint: 'Check that the host and port belong to an SMTP server',
        }
  }
  return {
    field: null,
    stage: stageOfCommand(raw.command, 'data'),
    message: 'The email could not be sent',
    hint: 'Try again; if it keeps failing, check the settings',
  }
}

function noStartTlsFailure(context: TErrorContext): TFailureCore {
  const tlsHint = 'Choose Connection security "TLS" if this port expects TLS from the first byte (usually 465)'
  if (context.authKind === 'none') {
    return {
      field: 'security',
      stage: 'tls',
      message: 'The server does not offer STARTTLS, and this connection requires encryption (TLS)',
      hint: `${tlsHint}, use the port where this server offers STARTTLS (usually 587), or choose "None" only for an internal relay`,
    }
  }
  return {
    field: 'security',
    stage: 'tls',
    message: `The server does not offer STARTTLS, so the ${context.authKind === 'oauth2' ? 'sign-in' : 'password'} cannot be sent securely`,
    hint: `${tlsHint}, or use the port where this server offers STARTTLS (usually 587)`,
  }
}

function authFailure(raw: TRawSmtpError, context: TErrorContext): TFailureCore {
  const stage: TSmtpStage = 'auth'
  const oauth = context.authKind === 'oauth2' || /XOAUTH2/.test(raw.command ?? '')
  if (raw.command === 'API' && /Missing credentials/.test(raw.message ?? '')) {
    return { field: 'password', stage, message: 'Enter the password for this username', hint: 'The server asks for a login, and a username needs its password' }
  }
  if (oauth && (raw.command === 'API' || raw.responseCode === 504 || (raw.responseCode === 500 && /XOAUTH2/.test(raw.command ?? '')))) {
    return {
      field: 'host',
      stage,
      message: 'The server does not offer OAuth 2.0 sign-in (XOAUTH2)',
      hint: 'Use the SMTP host of your provider (Microsoft 365: smtp.office365.com, Google: smtp.gmail.com), or sign in with a password',
    }
  }
  if (raw.command === 'API' || raw.responseCode === 504) {
    return {
      field: null,
      stage,
      message: 'The server offers no login method this app supports',
      hint: 'Supported methods are PLAIN, LOGIN, CRAM-MD5 and XOAUTH2',
    }
  }
  if (raw.responseCode === 538) {
    return {
      field: 'security',
      stage,
      message: 'The server only accepts a login over an encrypted connection',
      hint: 'Choose Connection security "Automatic", "STARTTLS" or "TLS"',
    }
  }
  if (raw.responseCode && raw.responseCode < 500) {
    return { field: null, stage, message: 'The server could not check the login right now', hint: 'Try again in a few minutes' }
  }
  if (oauth) {
    return {
      field: 'username',
      stage,
      message: 'The server refused the OAuth 2.0 token for this mailbox',
      hint: 'Check that the Username is the mailbox the app may send as, and that the app has SMTP permission (Microsoft 365: SMTP.SendAsApp; Google: domain-wide delegation of https://mail.google.com/)',
    }
  }
  return {
    field: 'password',
    stage,
    message: AUTH_FAILED_MESSAGE,
    hint: 'Check the username and password; some providers need an app password or API key instead of the account password',
  }
}

function timeoutFailure(raw: TRawSmtpError, context: TErrorContext): TFailureCore {
  switch (raw.timeoutType) {
    case 'CONNECT_TIMEOUT':
      return {
        field: 'port',
        stage: 'tcp',
        message: 'The connection attempt timed out',
        hint: 'A firewall may block outgoing connections to this port (port 25 often is): try 587 or 465, and check the host name',
      }
    case 'GREETING_TIMEOUT':
      if (context.portSpeaksTls && !context.implicitTls) {
        return {
          field: 'security',
          stage: 'ehlo',
          message: 'This port expects TLS from the first byte, but the connection waited for a plain-text greeting (STARTTLS)',
          hint: 'Choose Connection security "TLS" (or "Automatic") for this port, or use the STARTTLS port of this server (usually 587)',
        }
      }
      return {
        field: 'port',
        stage: 'ehlo',
        message: 'The server accepted the connection but never sent its SMTP greeting',
        hint: context.implicitTls
          ? 'Check that this port serves SMTP'
          : 'If this port expects TLS from the first byte, choose Connection security "TLS"; STARTTLS servers usually listen on 587',
      }
    case 'UPGRADE_TIMEOUT':
      return {
        field: 'port',
        stage: 'tls',
        message: 'The server accepted the connection but never completed the TLS handshake',
        hint: !context.implicitTls
          ? 'Try again; if it keeps happening, choose Connection security "TLS" or "Automatic"'
          : context.security === 'tls'
            ? 'This port does not seem to speak TLS from the first byte: choose Connection security "Automatic" or "STARTTLS"'
            : 'Port 465 expects TLS from the first byte; this server does not seem to speak TLS there: use 587',
      }
    default:
      return {
        field: null,
        stage: stageOfCommand(raw.command, 'data'),
        message: 'The server stopped responding',
        hint: 'Try again; if it keeps happening, the server may be overloaded',
      }
  }
}

function envelopeFailure(raw: TRawSmtpError): TFailureCore {
  if (raw.command === 'MAIL FROM' || (raw.command === 'API' && /sender/i.test(raw.message ?? ''))) {
    return {
      field: 'fromAddress',
      stage: 'mail',
      message: 'The server refused the sender address',
      hint: 'Use a From address on a domain verified with your provider, or one this login may send as',
    }
  }
  if (raw.command === 'RCPT TO' || raw.command === 'API') {
    return {
      field: 'recipient',
      stage: 'rcpt',
      message: 'The server refused the recipient address',
      hint: 'Check the recipient address; some providers only deliver to verified recipients while in test mode',
    }
  }
  return { field: null, stage: 'data', message: 'The server refused to take the message', hint: "The server's reply says why" }
}

// An SMTP reply: every line starts with a 2xx–5xx code (multi-line replies with "250-…", the last with "250 …").
const SMTP_REPLY_LINE = /^[2-5]\d\d(?:[ -]|$)/

/**
 * A server's reply as admins may see it in the step list: every secret of the attempt redacted, and echoed whole
 * (up to 500 characters) only when it is SMTP-shaped; anything else (an HTTP page, a banner of another protocol) is
 * cut to its first line, at most 200 characters.
 */
export function serverReplyForAdmins(text: string, context: TErrorContext): string {
  const lines = redactReply(text.trim(), context).split(/\r?\n/)
  if (lines.every((line) => SMTP_REPLY_LINE.test(line))) return lines.join('\n').slice(0, 500)
  return (lines[0] ?? '').slice(0, 200)
}

/** The server's reply without any secret of the attempt (plain, base64, SASL PLAIN and XOAUTH2 forms). */
function redactReply(text: string, context: TErrorContext): string {
  // longest first: the base64 of `\0user\0pass` is the tail of the base64 of `user\0user\0pass`
  const secrets = [...(context.secrets ?? []), context.password].filter((secret): secret is string => Boolean(secret))
  return redactSecrets(
    text,
    secrets.sort((a, b) => b.length - a.length),
  )
    .replace(XOAUTH2_BASE64, '***')
    .replace(GOOGLE_TOKEN, '***')
}

// What a server could echo: the secret itself and the SASL strings built from it (redactSecrets adds base64 forms).
function secretsOf(settings: TSmtpSettings): string[] {
  const { auth } = settings
  if (auth.kind === 'password') return [auth.password, `\0${auth.username}\0${auth.password}`, `${auth.username}\0${auth.username}\0${auth.password}`]
  if (auth.kind === 'none') return []
  const request = auth.tokenRequest
  const secret = request.kind === 'client-credentials' ? request.clientSecret : request.serviceAccountKey?.private_key
  const token = recentAccessToken(auth.tokenCacheKey)
  return [secret ?? '', ...(token ? [token, `user=${auth.username}\x01auth=Bearer ${token}\x01\x01`] : [])]
}
