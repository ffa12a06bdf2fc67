// Shapes shared by the mail library. Types only, so no 'server-only': UI code may import them with `import type`.

/** Connection settings of an SMTP provider, as the organization entered them (password already decrypted). */
export type TSmtpSettings = {
  host: string
  port: number
  username?: string | null
  password?: string | null
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
}

/** The SMTP session stages, in the order they happen; failures and diagnostics name one of them. */
export type TSmtpStage = 'dns' | 'tcp' | 'tls' | 'ehlo' | 'auth' | 'mail' | 'rcpt' | 'data'

/** The settings field a failure points at, or null when no field is to blame. */
export type TSmtpField = 'host' | 'port' | 'username' | 'password' | 'fromAddress' | 'recipient' | null

/** A send failure in plain words, safe to show to the user (never contains the password or a stack). */
export type TSmtpFailure = {
  field: TSmtpField
  stage: TSmtpStage
  message: string
  hint: string
  code?: number
  reply?: string
  isPermanent: boolean
}

/** One stage of the test email's SMTP conversation, as the step list shows it. */
export type TDiagnosticStep = {
  stage: TSmtpStage
  status: 'ok' | 'failed' | 'skipped'
  detail: string
  code?: number
  reply?: string
  hint?: string
}
