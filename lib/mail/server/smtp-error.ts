import 'server-only'
import type { TSmtpFailure, TSmtpSettings, TSmtpStage } from '@/lib/mail/types'
import { isImplicitTls, type TSmtpTuning } from './transport'
import { tlsFailure } from './smtp-error-tls'
import type { TErrorContext, TFailureCore, TRawSmtpError } from './smtp-error-types'

export type { TErrorContext, TFailureCore, TRawSmtpError } from './smtp-error-types'
import { SmtpHostError } from '@/lib/server/net/resolve-smtp-host'

// Turns nodemailer / DNS / TLS errors into plain words on the field to fix. Rules run in order,
// the first match wins. Messages are ours; the server's reply is passed along separately.

export const AUTH_FAILED_MESSAGE = 'Authentication failed: the server rejected the username or password'

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENODATA', 'EAI_NONAME'])
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN'])

/** The error context for an attempt with these settings. */
export function errorContextFor(settings: TSmtpSettings, tuning?: TSmtpTuning): TErrorContext {
  return { host: settings.host, port: settings.port, implicitTls: isImplicitTls(settings.port, tuning), password: settings.password }
}

/** SmtpHostError reasons that no retry can fix. */
export const REFUSED_HOST_REASONS: ReadonlySet<string> = new Set(['invalid', 'non-canonical', 'internal', 'reserved'])

/** Classifies any error thrown while sending into a user-safe failure on the field to fix. */
export function classifySmtpError(error: unknown, context: TErrorContext = {}): TSmtpFailure {
  if (error instanceof SmtpHostError) {
    // a refused or malformed host stays refused; only lookups that failed may succeed later
    return { field: 'host', stage: 'dns', message: error.message, hint: error.hint, isPermanent: REFUSED_HOST_REASONS.has(error.reason) }
  }
  const raw: TRawSmtpError = typeof error === 'object' && error !== null ? (error as TRawSmtpError) : { message: String(error) }
  const core = coreFailure(raw, context)
  const reply = typeof raw.response === 'string' ? redact(raw.response.trim().slice(0, 500), context.password) : undefined
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
  if (raw.code === 'EAUTH') return authFailure(raw)
  if ((raw.code === 'ETLS' && raw.command === 'STARTTLS' && raw.response) || /does not support required STARTTLS/.test(raw.message ?? '')) {
    return {
      field: 'port',
      stage: 'tls',
      message: 'The server does not offer STARTTLS, so the password cannot be sent securely',
      hint: 'Use port 465 (TLS from the first byte), or the port where this server offers STARTTLS (usually 587)',
    }
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

function authFailure(raw: TRawSmtpError): TFailureCore {
  const stage: TSmtpStage = 'auth'
  if (raw.command === 'API' && /Missing credentials/.test(raw.message ?? '')) {
    return { field: 'password', stage, message: 'Enter the password for this username', hint: 'The server asks for a login, and a username needs its password' }
  }
  if (raw.command === 'API' || raw.responseCode === 504) {
    return { field: null, stage, message: 'The server offers no login method this app supports', hint: 'Supported methods are PLAIN, LOGIN and CRAM-MD5' }
  }
  if (raw.responseCode === 538) {
    return { field: 'port', stage, message: 'The server only accepts a login over an encrypted connection', hint: 'Use port 465 or 587' }
  }
  if (raw.responseCode && raw.responseCode < 500) {
    return { field: null, stage, message: 'The server could not check the login right now', hint: 'Try again in a few minutes' }
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
      if (context.portSpeaksTls) {
        return {
          field: 'port',
          stage: 'ehlo',
          message: 'This port expects TLS from the first byte, but the connection waited for a plain-text greeting (STARTTLS)',
          hint: 'Use port 465 for TLS from the first byte, or the STARTTLS port of this server (usually 587)',
        }
      }
      return {
        field: 'port',
        stage: 'ehlo',
        message: 'The server accepted the connection but never sent its SMTP greeting',
        hint: context.implicitTls
          ? 'Check that this port serves SMTP'
          : 'If this port expects TLS from the first byte, use port 465; STARTTLS servers usually listen on 587',
      }
    case 'UPGRADE_TIMEOUT':
      return {
        field: 'port',
        stage: 'tls',
        message: 'The server accepted the connection but never completed the TLS handshake',
        hint: context.implicitTls
          ? 'Port 465 expects TLS from the first byte; this server does not seem to speak TLS there: use 587'
          : 'Try again; if it keeps happening, try port 465',
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

function redact(text: string, secret: string | null | undefined): string {
  return secret && secret.length >= 3 ? text.split(secret).join('***') : text
}
