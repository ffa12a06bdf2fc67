// Shapes shared by the mail library. Types only, so no 'server-only': UI code may import them with `import type`.

import type { TTokenRequest } from '@/lib/mail/oauth-types'

/**
 * How the session is encrypted. `auto`: TLS from the first byte on 465, STARTTLS elsewhere, and TLS from the first
 * byte on a port that answers a plain connection with silence or a TLS alert (e.g. Amazon SES's 2465); TLS is
 * required in every mode but `none` (an internal relay, never with credentials).
 */
export type TConnectionSecurity = 'auto' | 'starttls' | 'tls' | 'none'

/** The security actually used for a connection (what `auto` resolved to, and whether it was detected). */
export type TResolvedSecurity = { mode: 'starttls' | 'tls' | 'none'; isDetected: boolean }

/** How the session signs in; secrets already decrypted. */
export type TSmtpAuth =
  | { kind: 'none' }
  | { kind: 'password'; username: string; password: string }
  /** XOAUTH2 with an access token fetched at send time (cached per `tokenCacheKey`, usually the organization id). */
  | { kind: 'oauth2'; username: string; tokenCacheKey: string; tokenRequest: TTokenRequest }

/** Connection settings of an SMTP provider: what the transport factory, the worker and the test email all take. */
export type TSmtpSettings = {
  host: string
  port: number
  security: TConnectionSecurity
  auth: TSmtpAuth
}

/** A mailbox: always passed to nodemailer as an object so display names are encoded, never spliced into headers. */
export type TMailbox = { name?: string; address: string }

/** One message, ready to be composed into MIME. */
export type TMailMessage = {
  from: { name: string; address: string }
  replyTo?: TMailbox
  to: string
  subject: string
  html: string
  text: string
  /** fixed when the message is queued, so retries stay one message; sent at the From Address's domain */
  messageId?: string
}

/**
 * The stages of a send, in the order they happen; failures and diagnostics name one of them. SMTP: dns … data; an HTTP
 * API: resolve (the API host) → connect (TCP and TLS, certificate) → authenticate (a cheap authenticated read) → send.
 */
export type TSmtpStage = 'dns' | 'tcp' | 'tls' | 'ehlo' | 'token' | 'auth' | 'mail' | 'rcpt' | 'data' | TApiStage

/** The stages of a send over a service's HTTP API ('accepted': the service's answer with its message id). */
export type TApiStage = 'resolve' | 'connect' | 'authenticate' | 'send' | 'accepted'

/** The settings field a failure points at, or null when no field is to blame. */
export type TSmtpField =
  | 'host'
  | 'port'
  | 'security'
  | 'authKind'
  | 'username'
  | 'password'
  | 'tokenUrl'
  | 'clientId'
  | 'clientSecret'
  | 'scope'
  | 'serviceAccountKey'
  | 'apiKey'
  | 'fromAddress'
  | 'recipient'
  | null

/** A send failure in plain words, safe to show to the user (never contains the password or a stack). */
export type TSmtpFailure = {
  field: TSmtpField
  stage: TSmtpStage
  message: string
  hint: string
  code?: number
  reply?: string
  isPermanent: boolean
  /** The fix is in the From Address's domain records: the console links its Sender domain card. */
  fixIn?: 'sender-domain'
  /** The organization's provider refused, whatever the stage (an API's sender refusal): its messages are held. */
  scope?: 'organization'
}

/** One stage of the test email's SMTP conversation, as the step list shows it. */
export type TDiagnosticStep = {
  /** an SMTP stage, or 'domain': the sender domain's DNS records (checked beside the send, never blocking it) */
  stage: TSmtpStage | 'domain'
  status: 'ok' | 'failed' | 'skipped' | 'warning'
  detail: string
  code?: number
  reply?: string
  hint?: string
  fixIn?: 'sender-domain'
}
