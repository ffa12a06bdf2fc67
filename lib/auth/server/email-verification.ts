import 'server-only'
import { randomBytes, randomUUID } from 'node:crypto'
import { env } from '@/lib/env'
import { getPrisma } from '@/lib/server/db'
import type { TTransaction } from '@/lib/server/db/prisma'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { adminSignupAttempt } from '@/lib/mail/server/templates/admin-signup-attempt'
import { adminVerifyEmail } from '@/lib/mail/server/templates/admin-verify-email'
import { hashToken } from '@/lib/org-users/server/tokens'
import { routes } from '@/lib/routes'

// Console admins confirm their email address with a link sent by the platform's default provider. The link's token is
// kept hashed in Better Auth's verification table (identifier = prefix + SHA-256, value = user id), so a database
// leak yields no usable link; opening the link changes nothing, only the page's POST verifies.

export const ADMIN_VERIFY_TTL_MS = 24 * 60 * 60 * 1000
const IDENTIFIER_PREFIX = 'admin-email:'

const identifierOf = (token: string) => `${IDENTIFIER_PREFIX}${hashToken(token)}`

/** The link a verification email carries, always built from APP_URL. */
export function adminVerifyUrl(token: string): string {
  return `${env.APP_URL}${routes.verifyEmail(token)}`
}

/**
 * Issues a new link for the admin (older links stop working) and queues its email in `tx`. The organization only
 * carries the message in the outbox: it goes through the platform default, never the organization's server.
 */
export async function queueAdminVerification(tx: TTransaction, admin: { id: string; email: string }, orgId: string, now = new Date()) {
  const token = randomBytes(32).toString('base64url')
  const message = await adminVerifyEmail({ link: adminVerifyUrl(token) })
  await tx.verification.deleteMany({ where: { value: admin.id, identifier: { startsWith: IDENTIFIER_PREFIX } } })
  await tx.verification.create({
    data: { id: randomUUID(), identifier: identifierOf(token), value: admin.id, expiresAt: new Date(now.getTime() + ADMIN_VERIFY_TTL_MS) },
  })
  await enqueueEmail(tx, { orgId, kind: 'admin_verify', to: admin.email, ...message })
}

/** Sends the admin a new verification link (the banner's Resend email); false when they are verified already. */
export async function resendAdminVerification(adminId: string, orgId: string): Promise<boolean> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: adminId }, select: { id: true, email: true, emailVerified: true } })
    if (!user || user.emailVerified) return false
    await queueAdminVerification(tx, user, orgId)
    return true
  })
}

/** Whether the link would verify an address (checked by the page's GET, which never consumes it). */
export const isAdminVerifyLinkUsable = async (token: string) => (await findAdminOfVerifyLink(token)) !== null

/** Of the given token hashes (SHA-256 hex), those of verification links that still work (a captured email's links). */
export async function findUsableAdminVerifyHashes(tokenHashes: readonly string[], now = new Date()): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set()
  const prisma = await getPrisma()
  const rows = await prisma.verification.findMany({
    where: { identifier: { in: tokenHashes.map((hash) => `${IDENTIFIER_PREFIX}${hash}`) }, expiresAt: { gt: now } },
    select: { identifier: true },
  })
  return new Set(rows.map((row) => row.identifier.slice(IDENTIFIER_PREFIX.length)))
}

/** The admin's latest captured verification email in the organization (no default provider: nothing is sent), or null. */
export async function findCapturedVerification(orgId: string, email: string): Promise<string | null> {
  const prisma = await getPrisma()
  const found = await prisma.outboxMessage.findFirst({
    where: { orgId, kind: 'admin_verify', toAddress: email, status: 'captured' },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  })
  return found?.id ?? null
}

/** The address whose verification the link would confirm, or null for an unknown, used or expired link. */
export async function findAdminOfVerifyLink(token: string): Promise<string | null> {
  const prisma = await getPrisma()
  const found = await prisma.verification.findFirst({ where: { identifier: identifierOf(token), expiresAt: { gt: new Date() } }, select: { value: true } })
  if (!found) return null
  return (await prisma.user.findUnique({ where: { id: found.value }, select: { email: true } }))?.email ?? null
}

/** Consumes the link (once) and marks the admin's address verified; false for an unknown, used or expired link. */
export async function verifyAdminEmail(token: string): Promise<boolean> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const found = await tx.verification.findFirst({ where: { identifier: identifierOf(token), expiresAt: { gt: new Date() } } })
    if (!found) return false
    // a concurrent POST of the same link deletes nothing here and verifies nothing more
    const { count } = await tx.verification.deleteMany({ where: { id: found.id } })
    if (count !== 1) return false
    await tx.user.update({ where: { id: found.value }, data: { emailVerified: true } })
    return true
  })
}

/**
 * Tells an existing admin that their address was used to sign up again (the form answered as for a new account).
 * Carried by their first organization's outbox; an admin without one gets nothing (there is no outbox to carry it).
 */
export async function notifyExistingAdmin(email: string): Promise<void> {
  const prisma = await getPrisma()
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { email: true, memberships: { select: { orgId: true }, orderBy: { createdAt: 'asc' }, take: 1 } },
  })
  const orgId = user?.memberships[0]?.orgId
  if (!user || !orgId) return
  const message = await adminSignupAttempt({ signInLink: `${env.APP_URL}${routes.login}` })
  await prisma.$transaction((tx) => enqueueEmail(tx, { orgId, kind: 'admin_signup_attempt', to: user.email, ...message }))
}
