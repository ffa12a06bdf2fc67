// The shapes the SMTP error classifier works on (shared by smtp-error.ts and smtp-error-tls.ts).
import type { TSmtpFailure } from '@/lib/mail/types'

/** What the classifier knows about the attempt, to word the message (all optional). */
export type TErrorContext = {
  host?: string
  port?: number
  implicitTls?: boolean
  /** Redacted from the server reply, should a server echo it. */
  password?: string | null
  /** Set by diagnostics when a probe showed the port speaks TLS from the first byte. */
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

export type TFailureCore = Pick<TSmtpFailure, 'field' | 'stage' | 'message' | 'hint'>
