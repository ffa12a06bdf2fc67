// The shapes the SMTP error classifier works on (shared by smtp-error.ts and smtp-error-tls.ts).
import type { TConnectionSecurity, TSmtpAuth, TSmtpFailure } from '@/lib/mail/types'

/** What the classifier knows about the attempt, to word the message (all optional). */
export type TErrorContext = {
  host?: string
  port?: number
  /** The connection used (or, under `auto`, would use) TLS from the first byte. */
  implicitTls?: boolean
  /** The configured Connection security; hints name the mode to choose when it is the fix. */
  security?: TConnectionSecurity
  authKind?: TSmtpAuth['kind']
  /** Redacted from the server reply, should a server echo it. */
  password?: string | null
  /** Password, client secret, private key, access token, SASL strings: removed from the reply with their base64 forms. */
  secrets?: (string | null | undefined)[]
  /** Set when a probe showed the port speaks TLS from the first byte. */
  portSpeaksTls?: boolean
}

/** The fields of a nodemailer error (or a Node system error) the rules look at. */
export type TRawSmtpError = {
  code?: string
  originalCode?: string
  responseCode?: number
  response?: string
  command?: string
  timeoutType?: string
  permanent?: boolean
  message?: string
  cert?: { subjectaltname?: string }
}

export type TFailureCore = Pick<TSmtpFailure, 'field' | 'stage' | 'message' | 'hint' | 'fixIn'>
