import 'server-only'
import { randomBytes } from 'node:crypto'
import { hashToken } from '@/lib/org-users/server/tokens'

export { hashToken }

/** How long an invitation link stays usable. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** A fresh single-use invitation token (32 random bytes, base64url), its SHA-256 (the only form stored) and its expiry. */
export function issueInvitationToken(now = new Date()) {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) }
}
