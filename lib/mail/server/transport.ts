import 'server-only'
import nodemailer from 'nodemailer'
import type { SendMailOptions, SMTPSentMessageInfo, SMTPTransportOptions, Transporter } from 'nodemailer'
import { invalidateAccessToken } from '@/lib/mail/server/oauth'
import type { TResolvedSecurity, TSmtpSettings } from '@/lib/mail/types'
import { resolveSmtpHost, type TResolvedHost } from '@/lib/server/net/resolve-smtp-host'
import { resolveSecurity, tlsOptionsFor } from './security'
import { timeoutsFor, type TSmtpTuning } from './smtp-config'
import { isRefusedToken, recentAccessToken, xoauth2AuthOption, type TOAuth2Auth } from './xoauth2'

// The one place that turns SMTP settings into nodemailer options (security mode, sign-in, timeouts, pooling).

export { IMPLICIT_TLS_PORT, isImplicitTls, SMTP_TIMEOUTS, timeoutsFor, type TSmtpTimeouts, type TSmtpTuning } from './smtp-config'

export type TBuildTransportOptions = { pool?: boolean; allowPrivateHosts?: boolean; tuning?: TSmtpTuning }

export type TSmtpTransport = Transporter<SMTPSentMessageInfo>

/** Connections of one pooled transport: the delivery worker sends at most this many messages of an organization at once. */
export const POOL_CONNECTIONS = 5

const POOL = { maxConnections: POOL_CONNECTIONS, maxMessages: Infinity, idleTimeout: 10_000 } as const

/** True when the session signs in (password or OAuth 2.0), so it must be encrypted before AUTH. */
export function hasCredentials(settings: TSmtpSettings): boolean {
  return settings.auth.kind !== 'none'
}

/**
 * Pure: nodemailer connection options for settings whose host already passed the SSRF guard, with the security
 * mode already resolved (resolveSecurity). Throws on `none` with credentials: they never travel unencrypted.
 */
export function smtpOptionsFor(
  settings: TSmtpSettings,
  target: TResolvedHost,
  resolved: TResolvedSecurity,
  tuning: TSmtpTuning = {},
  tokenOptions: { allowPrivateHosts?: boolean } = {},
): SMTPTransportOptions {
  if (resolved.mode === 'none' && hasCredentials(settings)) {
    throw new Error('Connection security "none" cannot be used with a sign-in: credentials are never sent unencrypted')
  }
  const auth = settings.auth
  return {
    // the checked address, never the name: a second lookup could return another address
    host: target.address,
    port: settings.port,
    secure: resolved.mode === 'tls',
    // STARTTLS is required whenever TLS is not there from the first byte, with or without credentials
    requireTLS: resolved.mode === 'starttls',
    ignoreTLS: resolved.mode === 'none',
    opportunisticTLS: false,
    tls: tlsOptionsFor(target),
    auth:
      auth.kind === 'password'
        ? { user: auth.username, pass: auth.password }
        : auth.kind === 'oauth2'
          ? xoauth2AuthOption(auth, { allowPrivateHosts: tokenOptions.allowPrivateHosts })
          : undefined,
    ...timeoutsFor(tuning),
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

/** Resolves and checks the host, resolves the security mode, then builds a nodemailer transport (pooled when asked). */
export async function buildTransport(settings: TSmtpSettings, options: TBuildTransportOptions = {}): Promise<TSmtpTransport> {
  const { tuning = {}, allowPrivateHosts } = options
  const target = await resolveSmtpHost(settings.host, { allowPrivateHosts, timeoutMs: timeoutsFor(tuning).dnsTimeout })
  const resolved = await resolveSecurity(settings, target, tuning)
  const smtpOptions = smtpOptionsFor(settings, target, resolved, tuning, { allowPrivateHosts })
  const transport = options.pool ? nodemailer.createTransport({ ...smtpOptions, pool: true, ...POOL }) : nodemailer.createTransport(smtpOptions)
  return settings.auth.kind === 'oauth2' ? renewRefusedToken(transport, settings.auth) : transport
}

// nodemailer renews a token itself only after the XOAUTH2 error challenge (334); Microsoft 365 answers a revoked or
// expired token with 535 straight away. Then a token that came from the cache is dropped and the message sent once
// more with a fresh one; a token fetched for this very send is reported.
function renewRefusedToken(transport: TSmtpTransport, auth: TOAuth2Auth): TSmtpTransport {
  const sendMail = transport.sendMail.bind(transport) as (mail: SendMailOptions) => Promise<SMTPSentMessageInfo>
  const send = async (mail: SendMailOptions): Promise<SMTPSentMessageInfo> => {
    const cached = recentAccessToken(auth.tokenCacheKey)
    try {
      return await sendMail(mail)
    } catch (error) {
      const refused = recentAccessToken(auth.tokenCacheKey)
      if (!isRefusedToken(error) || !refused) throw error
      invalidateAccessToken(auth.tokenCacheKey, refused)
      if (refused !== cached) throw error
      return sendMail(mail)
    }
  }
  return wrapSendMail(transport, send)
}

/** Replaces `transport.sendMail` with `send` (promise form), keeping nodemailer's callback form working too. */
export function wrapSendMail(transport: TSmtpTransport, send: (mail: SendMailOptions) => Promise<SMTPSentMessageInfo>): TSmtpTransport {
  transport.sendMail = ((mail: SendMailOptions, callback?: (err: Error | null, info: SMTPSentMessageInfo) => void) => {
    if (!callback) return send(mail)
    send(mail).then(
      (info) => callback(null, info),
      (error: Error) => callback(error, undefined as unknown as SMTPSentMessageInfo),
    )
  }) as TSmtpTransport['sendMail']
  return transport
}
