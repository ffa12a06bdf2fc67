import 'server-only'
import type { TokenPurpose } from '@/lib/enums'
import { createHash, randomBytes } from 'node:crypto'

export type TTokenPurpose = TokenPurpose

/** How long each kind of emailed link stays usable. */
export const TOKEN_TTL_MS: Record<TTokenPurpose, number> = {
  verify: 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
}

/** The SHA-256 of a token (hex): the only form stored, so a database leak yields no usable links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A fresh single-use link token (32 random bytes, base64url), its hash and its expiry. */
export function issueToken(purpose: TTokenPurpose, now = new Date()) {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) }
}
