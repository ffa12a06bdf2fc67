// When to try a transiently failed message again: exponential backoff with jitter, for about a day.

export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000
const MAX_DELAY_MS = 60 * 60 * 1000

/** The delay before attempt `attempts + 1`: base · 2^(attempts-1), at most an hour, ±20 % jitter. */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential * (0.8 + 0.4 * random()))
}

/** True once a message has been failing for longer than we keep trying. */
export function isPastRetryWindow(createdAt: Date, now = Date.now()): boolean {
  return now - createdAt.getTime() >= GIVE_UP_AFTER_MS
}
