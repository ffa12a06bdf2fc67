import 'server-only'
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'

type TPolicy = { points: number; durationSeconds: number; perIp?: boolean }

// Per-IP limits scale with RATE_LIMIT_IP_MULTIPLIER (end-to-end tests sign up many admins from one address).
export const RATE_LIMIT_POLICIES = {
  'login-ip': { points: 30, durationSeconds: 15 * 60, perIp: true },
  'login-email': { points: 5, durationSeconds: 15 * 60 },
  'signup-ip': { points: 10, durationSeconds: 60 * 60, perIp: true },
  'signup-email': { points: 5, durationSeconds: 60 * 60 },
  'test-email-org': { points: 10, durationSeconds: 60 },
  'invite-org': { points: 30, durationSeconds: 60 * 60 },
  'org-user-signup-ip': { points: 20, durationSeconds: 60 * 60, perIp: true },
  'org-user-recover-ip': { points: 20, durationSeconds: 60 * 60, perIp: true },
  'org-user-email': { points: 5, durationSeconds: 60 * 60 },
} satisfies Record<string, TPolicy>

export type TRateLimitName = keyof typeof RATE_LIMIT_POLICIES
export type TRateLimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number }

type TCachedLimiter = { limiter: RateLimiterPrisma; client: object }
const holder = globalThis as typeof globalThis & { __rateLimiters?: Map<string, TCachedLimiter> }

async function limiterFor(name: TRateLimitName): Promise<RateLimiterPrisma> {
  holder.__rateLimiters ??= new Map()
  const client = await getPrisma()
  const cached = holder.__rateLimiters.get(name)
  if (cached?.client === client) return cached.limiter
  // first use, or the database was reopened: a limiter must not keep a closed client
  const policy: TPolicy = RATE_LIMIT_POLICIES[name]
  const points = policy.perIp ? policy.points * env.RATE_LIMIT_IP_MULTIPLIER : policy.points
  const limiter = new RateLimiterPrisma({ storeClient: client, keyPrefix: name, points, duration: policy.durationSeconds })
  holder.__rateLimiters.set(name, { limiter, client })
  return limiter
}

/** Counts one attempt against every listed limit; refuses when any of them is used up. */
export async function consumeRateLimits(checks: Array<[TRateLimitName, string]>): Promise<TRateLimitOutcome> {
  let retryAfterMs = 0
  for (const [name, key] of checks) {
    try {
      await (await limiterFor(name)).consume(key.toLowerCase())
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext)
    }
  }
  return retryAfterMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { ok: true }
}

/** Forgets the attempts counted against `key` (e.g. after a successful login). */
export async function resetRateLimit(name: TRateLimitName, key: string) {
  await (await limiterFor(name)).delete(key.toLowerCase())
}

/** "Too many attempts…" in words a person can act on. */
export function describeRetryAfter(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`
  return `Too many attempts. Please wait ${wait} and try again.`
}
