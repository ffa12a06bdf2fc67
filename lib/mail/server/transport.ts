import 'server-only'
import nodemailer from 'nodemailer'
import type { SMTPSentMessageInfo, SMTPTransportOptions, Transporter } from 'nodemailer'
import type { TSmtpSettings } from '@/lib/mail/types'
import { resolveSmtpHost, type TResolvedHost } from '@/lib/server/net/resolve-smtp-host'

// The one place that turns SMTP settings into nodemailer options (TLS mode, timeouts, pooling).

export type TSmtpTimeouts = { connectionTimeout: number; greetingTimeout: number; socketTimeout: number; dnsTimeout: number }

/** Every failure is reported within ~10 s; nodemailer's defaults (2 min, 30 s, 10 min) would hang the UI. */
export const SMTP_TIMEOUTS: Readonly<TSmtpTimeouts> = {
  // covers TCP, TLS, the greeting and STARTTLS together
  connectionTimeout: 10_000,
  // leaves diagnostics 1 s to probe a silent port for implicit TLS, and 1 s for DNS, TCP and the page, within the 10 s
  greetingTimeout: 8_000,
  // inactivity per command; a little longer because servers scan the message before answering DATA
  socketTimeout: 15_000,
  dnsTimeout: 5_000,
}

export const IMPLICIT_TLS_PORT = 465

/** Knobs for tests only: shorter timeouts, and an ephemeral port standing in for 465. */
export type TSmtpTuning = { timeouts?: Partial<TSmtpTimeouts>; implicitTlsPort?: number }

export type TBuildTransportOptions = { pool?: boolean; allowPrivateHosts?: boolean; tuning?: TSmtpTuning }

export type TSmtpTransport = Transporter<SMTPSentMessageInfo>

const POOL = { maxConnections: 5, maxMessages: Infinity, idleTimeout: 10_000 } as const

/** True when the settings carry a username, so the session must be encrypted before AUTH. */
export function hasCredentials(settings: TSmtpSettings): boolean {
  return Boolean(settings.username)
}

/** The timeouts in force for a given tuning. */
export function timeoutsFor(tuning: TSmtpTuning = {}): TSmtpTimeouts {
  return { ...SMTP_TIMEOUTS, ...tuning.timeouts }
}

/** Whether the port is dialled with TLS from the first byte (465) rather than STARTTLS. */
export function isImplicitTls(port: number, tuning: TSmtpTuning = {}): boolean {
  return port === (tuning.implicitTlsPort ?? IMPLICIT_TLS_PORT)
}

/** Pure: nodemailer connection options for settings whose host already passed the SSRF guard. */
export function smtpOptionsFor(settings: TSmtpSettings, target: TResolvedHost, tuning: TSmtpTuning = {}): SMTPTransportOptions {
  const implicitTls = isImplicitTls(settings.port, tuning)
  const withAuth = hasCredentials(settings)
  return {
    // the checked address, never the name: a second lookup could return another address
    host: target.address,
    port: settings.port,
    secure: implicitTls,
    // credentials never cross the network in plaintext; without them, STARTTLS is used when offered
    requireTLS: !implicitTls && withAuth,
    ignoreTLS: false,
    opportunisticTLS: false,
    // SNI and the certificate check use the host name (an IP literal is checked against its IP SAN);
    // trust comes from the system store plus NODE_EXTRA_CA_CERTS, so no `ca` here
    tls: target.servername ? { servername: target.servername, rejectUnauthorized: true } : { rejectUnauthorized: true },
    auth: withAuth ? { user: settings.username ?? '', pass: settings.password ?? '' } : undefined,
    ...timeoutsFor(tuning),
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

/** Resolves and checks the host, then builds a nodemailer transport (pooled when asked). */
export async function buildTransport(settings: TSmtpSettings, options: TBuildTransportOptions = {}): Promise<TSmtpTransport> {
  const { tuning = {} } = options
  const target = await resolveSmtpHost(settings.host, {
    allowPrivateHosts: options.allowPrivateHosts,
    timeoutMs: timeoutsFor(tuning).dnsTimeout,
  })
  const smtpOptions = smtpOptionsFor(settings, target, tuning)
  if (options.pool) return nodemailer.createTransport({ ...smtpOptions, pool: true, ...POOL })
  return nodemailer.createTransport(smtpOptions)
}
