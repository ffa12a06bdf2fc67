import 'server-only'
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import { clientNetwork, ipBucket } from '@/lib/server/net/ip-bucket'
import { getMetrics } from '@/lib/server/metrics'

type TPolicy = { points: number; durationSeconds: number; perIp?: boolean }

// Per-IP limits scale with RATE_LIMIT_IP_MULTIPLIER (end-to-end tests sign up many admins from one address) and count
// IPv6 clients per /64. Per-email limits are counted only for requests their per-IP limits let through, so a stranger
// cannot use up a known person's allowance from one address; sign-up and recovery count apart.
export const RATE_LIMIT_POLICIES = {
  'login-ip': { points: 30, durationSeconds: 15 * 60, perIp: true },
  // never refuses (see loginDelayMs): the correct password from another address must still work
  'login-email': { points: 1_000_000, durationSeconds: 15 * 60 },
  'signup-ip': { points: 10, durationSeconds: 60 * 60, perIp: true },
  'signup-email': { points: 5, durationSeconds: 60 * 60 },
  'test-email-org': { points: 10, durationSeconds: 60 },
  'test-email-outside-org': { points: 20, durationSeconds: 24 * 60 * 60 },
  'invite-org': { points: 30, durationSeconds: 60 * 60 },
  'org-user-signup-ip': { points: 20, durationSeconds: 60 * 60, perIp: true },
  'org-user-recover-ip': { points: 20, durationSeconds: 60 * 60, perIp: true },
  'org-user-login-ip': { points: 30, durationSeconds: 15 * 60, perIp: true },
  'api-key': { points: 300, durationSeconds: 60 },
  'org-user-signup-email': { points: 5, durationSeconds: 60 * 60 },
  'org-user-recover-email': { points: 5, durationSeconds: 60 * 60 },
  // per address and client network: another network's guesses never lock the person out of their own
  'org-user-login-email': { points: 10, durationSeconds: 15 * 60 },
  'admin-verify-resend': { points: 5, durationSeconds: 60 * 60 },
  // Confirm it's you (step-up), per admin: a stolen session cannot guess the password or the code at length
  'step-up-admin': { points: 10, durationSeconds: 15 * 60 },
  'admin-recover-ip': { points: 20, durationSeconds: 60 * 60, perIp: true },
  'admin-recover-email': { points: 5, durationSeconds: 60 * 60 },
  // past these, across every network, the answer stays the same and no email is sent (see consumeAddressRequestLimits)
  'signup-email-any': { points: 20, durationSeconds: 60 * 60 },
  'org-user-signup-email-any': { points: 20, durationSeconds: 60 * 60 },
  'org-user-recover-email-any': { points: 20, durationSeconds: 60 * 60 },
  'admin-recover-email-any': { points: 20, durationSeconds: 60 * 60 },
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

const isPerIp = (name: TRateLimitName) => (RATE_LIMIT_POLICIES[name] as TPolicy).perIp === true
const storedKey = (name: TRateLimitName, key: string) => (isPerIp(name) ? ipBucket(key) : key).toLowerCase()

/**
 * Counts one attempt against every listed limit; refuses when any of them is used up. Per-IP limits go first: when one
 * refuses, the per-email limits are not counted at all.
 */
export async function consumeRateLimits(checks: Array<[TRateLimitName, string]>): Promise<TRateLimitOutcome> {
  const ipRefusal = await consumeEach(checks.filter(([name]) => isPerIp(name)))
  if (!ipRefusal.ok) return ipRefusal
  return consumeEach(checks.filter(([name]) => !isPerIp(name)))
}

async function consumeEach(checks: Array<[TRateLimitName, string]>): Promise<TRateLimitOutcome> {
  let retryAfterMs = 0
  for (const [name, key] of checks) {
    try {
      await (await limiterFor(name)).consume(storedKey(name, key))
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      getMetrics().rateLimitRejections.inc({ limit: name })
      retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext)
    }
  }
  return retryAfterMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { ok: true }
}

/** A request that emails an address: sign-up (console or an organization's) and account recovery. */
export type TAddressRequest = 'signup' | 'admin-recover' | 'org-user-signup' | 'org-user-recover'

/**
 * Counts a request that emails `address` from `clientIp`: per IP, per address from the client's network (a stranger's
 * network cannot use up the person's own allowance), then per address across every network. Only the first two refuse;
 * past the last one the caller answers as usual and sends nothing (`sendEmail` false), so nothing is revealed.
 */
export async function consumeAddressRequestLimits(
  request: TAddressRequest,
  clientIp: string,
  address: string,
): Promise<Exclude<TRateLimitOutcome, { ok: true }> | { ok: true; sendEmail: boolean }> {
  const limit = await consumeRateLimits([
    [`${request}-ip`, clientIp],
    [`${request}-email`, `${clientNetwork(clientIp)}|${address}`],
  ])
  if (!limit.ok) return limit
  const ceiling = await consumeEach([[`${request}-email-any`, address]])
  return { ok: true, sendEmail: ceiling.ok }
}

/**
 * Counts an org user's sign-in attempt on `address` from `clientIp`: per IP, then per address from the client's network,
 * like consumeAddressRequestLimits (no ceiling across networks: nothing is sent, and the right password must still work).
 */
export function consumeSignInLimits(clientIp: string, address: string): Promise<TRateLimitOutcome> {
  return consumeRateLimits([
    ['org-user-login-ip', clientIp],
    ['org-user-login-email', signInKey(clientIp, address)],
  ])
}

/** Forgets the sign-in attempts on `address` from the client's network (after the right password). */
export function forgetSignInAttempts(clientIp: string, address: string): Promise<void> {
  return resetRateLimit('org-user-login-email', signInKey(clientIp, address))
}

const signInKey = (clientIp: string, address: string) => `${clientNetwork(clientIp)}|${address}`

export type TRateLimitState = { ok: boolean; limit: number; remaining: number; resetSeconds: number }

/** Counts one request against one limit and says where it stands (for `RateLimit-*` headers). */
export async function consumeRateLimit(name: TRateLimitName, key: string): Promise<TRateLimitState> {
  const limiter = await limiterFor(name)
  try {
    const res = await limiter.consume(key.toLowerCase())
    return { ok: true, limit: limiter.points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) }
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    getMetrics().rateLimitRejections.inc({ limit: name })
    return { ok: false, limit: limiter.points, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
  }
}

// Attempts on one admin email before sign-in slows down, then the delay doubles per attempt up to its cap.
const LOGIN_FREE_ATTEMPTS = 5
const LOGIN_DELAY_FIRST_MS = 1000
const LOGIN_DELAY_MAX_MS = 30_000

/**
 * Counts a sign-in attempt on `email` and returns how long to wait before checking the password: nothing for the
 * first few, then 1 s, 2 s, 4 s… up to 30 s. It slows guessing from many addresses down without ever refusing
 * the correct password (a refusal would let anyone lock a known admin out).
 */
export async function loginDelayMs(email: string): Promise<number> {
  let consumed: number
  try {
    consumed = (await (await limiterFor('login-email')).consume(storedKey('login-email', email))).consumedPoints
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    consumed = rejection.consumedPoints
  }
  const over = consumed - LOGIN_FREE_ATTEMPTS
  return over <= 0 ? 0 : Math.min(LOGIN_DELAY_MAX_MS, LOGIN_DELAY_FIRST_MS * 2 ** Math.min(over - 1, 15))
}

/** Forgets the attempts counted against `key` (e.g. after a successful login). */
export async function resetRateLimit(name: TRateLimitName, key: string) {
  await (await limiterFor(name)).delete(storedKey(name, key))
}

/** "Too many attempts…" in words a person can act on. */
export function describeRetryAfter(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`
  return `Too many attempts. Please wait ${wait} and try again.`
}
