import 'server-only'
import addressparser from 'nodemailer/lib/addressparser'
import type { TSmtpSettings } from '@/lib/mail/types'

/** How admins see the platform's provider: never its host or port (operator configuration, not theirs). */
export const PLATFORM_DEFAULT_LABEL = 'platform default'

export type TDefaultProvider = { settings: TSmtpSettings; isImplicitTls: boolean; label: string }

/** The platform provider from DEFAULT_SMTP_URL: smtp://user:pass@host:587 (STARTTLS required), smtps://… (TLS from the first byte). */
export function parseSmtpUrl(url: string): TDefaultProvider {
  const parsed = new URL(url)
  const isImplicitTls = parsed.protocol === 'smtps:'
  const port = Number(parsed.port || (isImplicitTls ? 465 : 587))
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  const username = decodeURIComponent(parsed.username)
  const password = decodeURIComponent(parsed.password)
  return {
    settings: { host, port, security: isImplicitTls ? 'tls' : 'starttls', auth: username ? { kind: 'password', username, password } : { kind: 'none' } },
    isImplicitTls,
    label: PLATFORM_DEFAULT_LABEL,
  }
}

/** "Mailgate <no-reply@example.com>" → { name, address }. */
export function parseMailbox(value: string): { name: string; address: string } {
  const [first] = addressparser(value, { flatten: true })
  if (!first?.address) throw new Error(`DEFAULT_MAIL_FROM is not an email address: ${value}`)
  return { name: first.name ?? '', address: first.address }
}
