import 'server-only'
import { createHash } from 'node:crypto'
import type { SendMailOptions, SMTPSentMessageInfo } from 'nodemailer'
import type { TSmtpAuth, TSmtpSettings } from '@/lib/mail/types'
import { buildTransport, wrapSendMail, type TBuildTransportOptions, type TSmtpTransport } from './transport'

// Pooled transports per organization. A transport pins the address its host resolved to, so
// it is rebuilt when the settings change, after an idle minute, and after MAX_AGE_MS at most
// (to follow DNS changes of busy providers). A transport dropped from the cache while sends are
// in progress (evicted, settings changed) finishes them first, then closes.

type TEntry = {
  fingerprint: string
  transport: Promise<TSmtpTransport>
  createdAt: number
  idleTimer?: NodeJS.Timeout
  /** sendMail calls not finished yet */
  sending: number
  /** dropped from the cache: closes once `sending` is 0 */
  isRetired: boolean
}

type TCacheOptions = Omit<TBuildTransportOptions, 'pool'>

const MAX_ENTRIES = 50
const IDLE_MS = 60_000
const MAX_AGE_MS = 10 * 60_000

// Map keeps insertion order: re-inserting on use makes the first key the least recently used.
const entries = new Map<string, TEntry>()

/** A pooled transport for this key (usually the organization id), rebuilt whenever the settings differ. */
export function getPooledTransport(cacheKey: string, settings: TSmtpSettings, options: TCacheOptions = {}): Promise<TSmtpTransport> {
  const fingerprint = fingerprintOf(settings, options)
  const existing = entries.get(cacheKey)
  if (existing && existing.fingerprint === fingerprint && Date.now() - existing.createdAt < MAX_AGE_MS) {
    entries.delete(cacheKey)
    entries.set(cacheKey, existing)
    armIdleTimer(cacheKey, existing)
    return existing.transport
  }
  if (existing) forgetTransport(cacheKey)

  const entry = { fingerprint, createdAt: Date.now(), sending: 0, isRetired: false } as TEntry
  entry.transport = buildTransport(settings, { ...options, pool: true }).then((transport) => countingSends(transport, entry))
  entries.set(cacheKey, entry)
  // a refused host or failed lookup is not cached: the next call tries again
  entry.transport.catch(() => {
    if (entries.get(cacheKey) === entry) removeEntry(cacheKey, entry)
  })
  armIdleTimer(cacheKey, entry)
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value
    if (oldest === undefined) break
    forgetTransport(oldest)
  }
  return entry.transport
}

/** The cache key of an organization's pooled transport (the worker builds it, settings changes forget it). */
export function orgTransportKey(orgId: string): string {
  return `org:${orgId}`
}

/** Closes and drops the transport of this key (call it when the organization's settings change). */
export function forgetTransport(cacheKey: string): void {
  const entry = entries.get(cacheKey)
  if (!entry) return
  removeEntry(cacheKey, entry)
  entry.isRetired = true
  if (entry.sending === 0) closeQuietly(entry)
}

/** Closes every cached transport (on shutdown, and between tests). */
export function closeAllTransports(): void {
  for (const key of [...entries.keys()]) forgetTransport(key)
}

/** Number of cached transports (for tests and metrics). */
export function cachedTransportCount(): number {
  return entries.size
}

function removeEntry(cacheKey: string, entry: TEntry): void {
  clearTimeout(entry.idleTimer)
  entries.delete(cacheKey)
}

function armIdleTimer(cacheKey: string, entry: TEntry): void {
  clearTimeout(entry.idleTimer)
  entry.idleTimer = setTimeout(() => {
    if (entries.get(cacheKey) === entry) forgetTransport(cacheKey)
  }, IDLE_MS)
  entry.idleTimer.unref()
}

function closeQuietly(entry: TEntry): void {
  entry.transport.then((transport) => transport.close()).catch(() => undefined)
}

// Counts the sends in progress, so that dropping the entry waits for them (the pool's close() would fail the
// messages still in its queue).
function countingSends(transport: TSmtpTransport, entry: TEntry): TSmtpTransport {
  const sendMail = transport.sendMail.bind(transport) as (mail: SendMailOptions) => Promise<SMTPSentMessageInfo>
  const send = (mail: SendMailOptions) => {
    entry.sending++
    return sendMail(mail).finally(() => {
      entry.sending--
      if (entry.isRetired && entry.sending === 0) closeQuietly(entry)
    })
  }
  return wrapSendMail(transport, send)
}

// Hashed: the key material (password, client secret, private key) is not kept readable in the cache.
function fingerprintOf(settings: TSmtpSettings, options: TCacheOptions): string {
  const material = JSON.stringify([
    settings.host.trim().toLowerCase(),
    settings.port,
    settings.security,
    authMaterial(settings.auth),
    options.allowPrivateHosts ?? null,
    options.tuning ?? null,
  ])
  return createHash('sha256').update(material).digest('hex')
}

function authMaterial(auth: TSmtpAuth): unknown[] {
  if (auth.kind === 'password') return [auth.kind, auth.username, auth.password]
  if (auth.kind === 'oauth2') return [auth.kind, auth.username, auth.tokenCacheKey, auth.tokenRequest]
  return [auth.kind]
}
