import 'server-only'
import type tls from 'node:tls'
import type { TResolvedSecurity, TSmtpSettings } from '@/lib/mail/types'
import type { TResolvedHost } from '@/lib/server/net/resolve-smtp-host'
import { probeGreeting, probeImplicitTls } from './diagnose-probes'
import { isImplicitTls, type TSmtpTuning } from './smtp-config'

// How a connection is encrypted. `auto` on a port other than 465 asks the port once: a plain `220` greeting means
// STARTTLS; silence or a TLS alert means it may expect TLS from the first byte (Amazon SES's 2465), which a verified
// handshake confirms. Verdicts are kept per address and port, so pooled sending does not probe per message.

/** How long the probes wait: for a plain greeting, then for a TLS handshake. */
export const SECURITY_PROBE_MS: Readonly<{ greeting: number; tls: number }> = { greeting: 1_500, tls: 1_000 }

const VERDICT_TTL_MS = 10 * 60_000
const MAX_VERDICTS = 1_000

type TVerdict = { resolved: Promise<TResolvedSecurity>; expiresAt: number }

// address:port -> verdict (a pending probe is shared); host:port -> the last definite verdict, to word errors
const verdicts = new Map<string, TVerdict>()
const byHost = new Map<string, { resolved: TResolvedSecurity; expiresAt: number }>()

/** TLS options for a checked host: SNI and the certificate check use the host name (an IP literal: its IP SAN). */
export function tlsOptionsFor(target: TResolvedHost): tls.ConnectionOptions {
  // trust comes from the system store plus NODE_EXTRA_CA_CERTS, so no `ca` here
  return target.servername ? { servername: target.servername, rejectUnauthorized: true } : { rejectUnauthorized: true }
}

/** The security a connection to this checked address uses: the configured mode, or what `auto` resolves to. */
export async function resolveSecurity(settings: TSmtpSettings, target: TResolvedHost, tuning: TSmtpTuning = {}): Promise<TResolvedSecurity> {
  if (settings.security !== 'auto') return { mode: settings.security, isDetected: false }
  if (isImplicitTls(settings.port, tuning)) return { mode: 'tls', isDetected: false }
  const key = `${target.address}|${settings.port}`
  const cached = verdicts.get(key)
  if (cached && cached.expiresAt > Date.now()) return cached.resolved
  const expiresAt = Date.now() + VERDICT_TTL_MS
  const detected = detectSecurity(target, settings.port).then(({ resolved, isDefinite }) => {
    // an unreachable, closed or silent port is asked again next time: it may be fixed by then
    if (!isDefinite && verdicts.get(key) === entry) verdicts.delete(key)
    if (isDefinite) remember(byHost, hostKey(settings.host, settings.port), { resolved, expiresAt })
    return resolved
  })
  const entry: TVerdict = { resolved: detected, expiresAt }
  remember(verdicts, key, entry)
  return entry.resolved
}

/** The last definite `auto` verdict for this host and port (for wording errors), or null. */
export function knownSecurity(host: string, port: number): TResolvedSecurity | null {
  const entry = byHost.get(hostKey(host, port))
  return entry && entry.expiresAt > Date.now() ? entry.resolved : null
}

/** Forgets every verdict (between tests). */
export function clearSecurityVerdicts(): void {
  verdicts.clear()
  byHost.clear()
}

async function detectSecurity(target: TResolvedHost, port: number): Promise<{ resolved: TResolvedSecurity; isDefinite: boolean }> {
  const greeting = await probeGreeting(target.address, port, SECURITY_PROBE_MS.greeting)
  if (greeting === 'greeting') return { resolved: { mode: 'starttls', isDetected: false }, isDefinite: true }
  if (greeting === 'silent' || greeting === 'tls-alert') {
    const speaksTls = await probeImplicitTls(target.address, port, tlsOptionsFor(target), SECURITY_PROBE_MS.tls)
    if (speaksTls) return { resolved: { mode: 'tls', isDetected: true }, isDefinite: true }
  }
  // STARTTLS stays required: the session then reports what is wrong with this port
  return { resolved: { mode: 'starttls', isDetected: false }, isDefinite: false }
}

function hostKey(host: string, port: number): string {
  return `${host.trim().toLowerCase()}|${port}`
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key)
  map.set(key, value)
  while (map.size > MAX_VERDICTS) {
    const oldest = map.keys().next().value
    if (oldest === undefined) break
    map.delete(oldest)
  }
}
