import 'server-only'
import { createHash, randomBytes } from 'node:crypto'

const KEY_PREFIX = 'mg_live_'
// 32 random bytes: a key cannot be guessed, so one fast hash (SHA-256, no salt) is enough to look it up and compare.
const KEY_PATTERN = /^mg_live_[A-Za-z0-9_-]{43}$/

/** A new API key: the key (shown once), its SHA-256 hash (stored) and its visible prefix (stored, listed). */
export function generateApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  return { key, hash: hashApiKey(key), prefix: key.slice(0, KEY_PREFIX.length + 6) }
}

/** The stored form of a key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** Whether `value` has the shape of one of our keys (anything else is refused without a database read). */
export function isApiKeyShaped(value: string): boolean {
  return KEY_PATTERN.test(value)
}
