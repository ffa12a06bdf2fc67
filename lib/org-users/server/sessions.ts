import 'server-only'
import { randomBytes } from 'node:crypto'
import { getPrisma } from '@/lib/server/db'
import type { TTransaction } from '@/lib/server/db/prisma'
import { hashToken } from './tokens'

// Sessions of the organization's own users (not Better Auth's: org users are not console admins). The cookie carries
// a random token; only its SHA-256 is stored. Every lookup is scoped by organization, so one org's cookie never works
// in another's pages.

/** How long a sign-in lasts (the cookie's Max-Age too). */
export const ORG_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000
// lastSeenAt is written at most this often, not on every page view
const LAST_SEEN_EVERY_MS = 60 * 1000

export type TOrgUserSession = { orgUserId: string; email: string }

/** Starts a session for the user (dropping their expired ones); returns the cookie's token and its expiry. */
export async function createSession(orgUserId: string, ipNetwork: string | null, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + ORG_SESSION_TTL_MS)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await tx.orgUserSession.deleteMany({ where: { orgUserId, expiresAt: { lte: now } } })
    await tx.orgUserSession.create({ data: { orgUserId, tokenHash: hashToken(token), createdAt: now, expiresAt, lastSeenAt: now, ipNetwork } })
  })
  return { token, expiresAt }
}

/** The user signed in with `token` in organization `orgId`, or null (unknown, expired, or another organization's). */
export async function findSession(orgId: string, token: string, now = new Date()): Promise<TOrgUserSession | null> {
  const prisma = await getPrisma()
  const session = await prisma.orgUserSession.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: now }, orgUser: { orgId } },
    select: { id: true, lastSeenAt: true, orgUser: { select: { id: true, email: true } } },
  })
  if (!session) return null
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await prisma.orgUserSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } })
  }
  return { orgUserId: session.orgUser.id, email: session.orgUser.email }
}

/** Ends the session of `token` in organization `orgId` (nothing happens when there is none). */
export async function deleteSession(orgId: string, token: string): Promise<void> {
  const prisma = await getPrisma()
  await prisma.orgUserSession.deleteMany({ where: { tokenHash: hashToken(token), orgUser: { orgId } } })
}

/** Ends every session of the user (a password reset signs them out everywhere). */
export async function deleteUserSessions(tx: TTransaction, orgUserId: string): Promise<void> {
  await tx.orgUserSession.deleteMany({ where: { orgUserId } })
}
