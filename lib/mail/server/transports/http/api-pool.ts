import 'server-only'
import { createHash } from 'node:crypto'
import { apiConnection, resolveApiHost, type TApiConnection } from './api-client'

// One keep-alive pool per organization and service (like the SMTP pool in transport-cache.ts). A pool pins the address
// its host resolved to, so it is rebuilt when the base URL changes, after an idle minute and after MAX_AGE_MS at most
// (to follow DNS changes). A dropped pool's sockets close once their requests end (keep-alive sockets idle close).

type TEntry = { fingerprint: string; connection: Promise<TApiConnection>; createdAt: number; idleTimer?: NodeJS.Timeout }

const MAX_ENTRIES = 50
const IDLE_MS = 60_000
const MAX_AGE_MS = 10 * 60_000
const entries = new Map<string, TEntry>()

/** The pooled connection of this cache key (usually the organization) to `baseUrl`. */
export function getApiPool(cacheKey: string, baseUrl: URL, options: { allowPrivateHosts: boolean }): Promise<TApiConnection> {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([baseUrl.href, options.allowPrivateHosts]))
    .digest('hex')
  const existing = entries.get(cacheKey)
  if (existing && existing.fingerprint === fingerprint && Date.now() - existing.createdAt < MAX_AGE_MS) {
    entries.delete(cacheKey)
    entries.set(cacheKey, existing)
    armIdleTimer(cacheKey, existing)
    return existing.connection
  }
  if (existing) forgetApiPool(cacheKey)
  const entry: TEntry = {
    fingerprint,
    createdAt: Date.now(),
    connection: resolveApiHost(baseUrl, options).then((target) => apiConnection(baseUrl, target)),
  }
  entries.set(cacheKey, entry)
  // a refused host or failed lookup is not cached: the next send tries again
  entry.connection.catch(() => {
    if (entries.get(cacheKey) === entry) removeEntry(cacheKey, entry)
  })
  armIdleTimer(cacheKey, entry)
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value
    if (oldest === undefined) break
    forgetApiPool(oldest)
  }
  return entry.connection
}

/** Drops the pool of this key; sockets in use finish their request, idle ones close. */
export function forgetApiPool(cacheKey: string): void {
  const entry = entries.get(cacheKey)
  if (!entry) return
  removeEntry(cacheKey, entry)
  // destroy() would cut requests in flight: close idle sockets now, the rest as they free up (keepAlive off)
  entry.connection
    .then(({ agent }) => {
      ;(agent as unknown as { keepAlive: boolean }).keepAlive = false
      for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy()
    })
    .catch(() => undefined)
}

/** Drops every pool (shutdown, and between tests). */
export function forgetAllApiPools(): void {
  for (const key of [...entries.keys()]) forgetApiPool(key)
}

function removeEntry(cacheKey: string, entry: TEntry): void {
  clearTimeout(entry.idleTimer)
  entries.delete(cacheKey)
}

function armIdleTimer(cacheKey: string, entry: TEntry): void {
  clearTimeout(entry.idleTimer)
  entry.idleTimer = setTimeout(() => {
    if (entries.get(cacheKey) === entry) forgetApiPool(cacheKey)
  }, IDLE_MS)
  entry.idleTimer.unref()
}
