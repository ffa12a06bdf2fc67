import 'server-only'
import { cache } from 'react'
import { getPrisma } from '@/lib/server/db'
import type { TTransaction } from '@/lib/server/db/prisma'
import { isSlugShaped } from '@/lib/orgs/slug'
import { orgDisplayName } from '@/lib/org-users/display-name'
import type { TTokenPurpose } from './tokens'

// Data access of the organization's own users. Every token query is scoped by organization and purpose,
// so a link issued by one organization (or for another purpose) never works elsewhere.

type TTokenKey = { orgId: string; purpose: TTokenPurpose; tokenHash: string }

export type TPublicOrg = { id: string; name: string; slug: string }
/** A public org as its pages show it: `displayName` is what end users read in the card header and titles. */
export type TPublicOrgPage = TPublicOrg & { displayName: string }

/** The organization behind a public URL slug (looked up once per request), or null. */
export const findPublicOrg = cache(async (slug: string): Promise<TPublicOrgPage | null> => {
  if (!isSlugShaped(slug)) return null
  const prisma = await getPrisma()
  const org = await prisma.organization.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, emailProvider: { select: { displayName: true } } },
  })
  if (!org) return null
  const { emailProvider, ...rest } = org
  return { ...rest, displayName: orgDisplayName(org.name, emailProvider?.displayName) }
})

/** The id of the organization's user with this (normalised) email, or null. */
export async function findOrgUserId(orgId: string, email: string): Promise<string | null> {
  const prisma = await getPrisma()
  const user = await prisma.orgUser.findUnique({ where: { orgId_email: { orgId, email } }, select: { id: true } })
  return user?.id ?? null
}

/** The organization's user with this (normalised) email and whether its address is verified, or null. */
export async function findOrgUser(orgId: string, email: string): Promise<{ id: string; isVerified: boolean } | null> {
  const prisma = await getPrisma()
  const user = await prisma.orgUser.findUnique({ where: { orgId_email: { orgId, email } }, select: { id: true, emailVerifiedAt: true } })
  return user && { id: user.id, isVerified: user.emailVerifiedAt !== null }
}

/** What signing in checks: the user's id, password hash and whether the address is verified, or null. */
export async function findOrgUserCredentials(orgId: string, email: string): Promise<{ id: string; passwordHash: string; isVerified: boolean } | null> {
  const prisma = await getPrisma()
  const user = await prisma.orgUser.findUnique({
    where: { orgId_email: { orgId, email } },
    select: { id: true, passwordHash: true, emailVerifiedAt: true },
  })
  return user && { id: user.id, passwordHash: user.passwordHash, isVerified: user.emailVerifiedAt !== null }
}

/** Replaces the password of a user whose address is still unverified (a verified one is left alone). */
export async function replacePendingPassword(tx: TTransaction, orgUserId: string, passwordHash: string) {
  await tx.orgUser.updateMany({ where: { id: orgUserId, emailVerifiedAt: null }, data: { passwordHash } })
}

/** Creates an unverified user; throws P2002 when the email is already registered in the organization. */
export async function createOrgUser(tx: TTransaction, data: { orgId: string; email: string; passwordHash: string }): Promise<string> {
  const user = await tx.orgUser.create({ data, select: { id: true } })
  return user.id
}

/** Stores a token's hash (never the token itself). */
export async function insertToken(tx: TTransaction, data: { orgUserId: string; purpose: TTokenPurpose; tokenHash: string; expiresAt: Date }) {
  await tx.orgUserToken.create({ data })
}

/** Marks a usable token used, atomically: of two concurrent uses exactly one wins. Returns its user's id, or null. */
export async function consumeToken(tx: TTransaction, key: TTokenKey, now: Date): Promise<string | null> {
  const { count } = await tx.orgUserToken.updateMany({
    where: { tokenHash: key.tokenHash, purpose: key.purpose, usedAt: null, expiresAt: { gt: now }, orgUser: { orgId: key.orgId } },
    data: { usedAt: now },
  })
  if (count !== 1) return null
  const token = await tx.orgUserToken.findUnique({ where: { tokenHash: key.tokenHash }, select: { orgUserId: true } })
  return token?.orgUserId ?? null
}

/** The pending password of the user a usable token belongs to (null when the token cannot be used). */
export async function findPasswordHashOfToken(key: TTokenKey, now: Date): Promise<string | null> {
  const prisma = await getPrisma()
  const token = await prisma.orgUserToken.findFirst({
    where: { tokenHash: key.tokenHash, purpose: key.purpose, usedAt: null, expiresAt: { gt: now }, orgUser: { orgId: key.orgId } },
    select: { orgUser: { select: { passwordHash: true } } },
  })
  return token?.orgUser.passwordHash ?? null
}

/** Whether a token could be consumed right now (for showing the right page before the form is sent). */
export async function isTokenUsable(key: TTokenKey, now: Date): Promise<boolean> {
  const prisma = await getPrisma()
  const token = await prisma.orgUserToken.findFirst({
    where: { tokenHash: key.tokenHash, purpose: key.purpose, usedAt: null, expiresAt: { gt: now }, orgUser: { orgId: key.orgId } },
    select: { id: true },
  })
  return token !== null
}

/** Marks every outstanding token of one purpose of the user used (a newer link, or a completed reset, supersedes them). */
export async function revokeTokens(tx: TTransaction, orgUserId: string, purpose: TTokenPurpose, now: Date) {
  await tx.orgUserToken.updateMany({ where: { orgUserId, purpose, usedAt: null }, data: { usedAt: now } })
}

/** Records that the user proved they receive mail at their address (keeps the first date). */
export async function markEmailVerified(tx: TTransaction, orgUserId: string, now: Date) {
  await tx.orgUser.updateMany({ where: { id: orgUserId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } })
}

/** Replaces the user's password hash. */
export async function setPasswordHash(tx: TTransaction, orgUserId: string, passwordHash: string) {
  await tx.orgUser.update({ where: { id: orgUserId }, data: { passwordHash } })
}

/** Of these token hashes, the ones of the organization's links that could still be used right now. */
export async function findUsableTokenHashes(orgId: string, tokenHashes: string[], now: Date): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set()
  const prisma = await getPrisma()
  const rows = await prisma.orgUserToken.findMany({
    where: { tokenHash: { in: tokenHashes }, usedAt: null, expiresAt: { gt: now }, orgUser: { orgId } },
    select: { tokenHash: true },
  })
  return new Set(rows.map((row) => row.tokenHash))
}
