import 'server-only'
import { randomBytes } from 'node:crypto'
import { hashPassword, verifyPassword } from '@/lib/auth/server/password'
import type { THashReservation } from '@/lib/auth/server/hash-queue'
import { getPrisma } from '@/lib/server/db'
import { env } from '@/lib/env'
import { isUniqueViolation } from '@/lib/server/db/prisma'
import { enqueueEmail } from '@/lib/delivery/server/outbox/outbox'
import { resetPassword as resetPasswordEmail } from '@/lib/mail/server/templates/reset-password'
import { signupAttempt } from '@/lib/mail/server/templates/signup-attempt'
import { verifyEmail } from '@/lib/mail/server/templates/verify-email'
import type { TEmailVerification, TOrgUserLogin, TOrgUserSignup, TPasswordReset, TRecoveryRequest } from '@/lib/org-users/schema'
import type { TLinkResult, TSignInResult, TVerifyResult } from '@/lib/org-users/types'
import * as store from './store'
import { createSession, deleteSession, deleteUserSessions, findSession, type TOrgUserSession } from './sessions'
import { hashToken, issueToken, type TTokenPurpose } from './tokens'
import { routes, type TOrgUserPage } from '@/lib/routes'

// Sign-up, verification and recovery of an organization's own users. Emails are rendered before the transaction
// (no slow work while it holds the connection) and queued inside it, so they go out if and only if the change commits.
// Sign-up and recovery answer the same whether or not the address is registered: no account enumeration.

export type TPublicOrg = store.TPublicOrg
export type { TLinkResult }

const INVALID_LINK: TLinkResult = { ok: false, reason: 'invalid-link' }

/** The public page of `org` at `page`, always built from APP_URL (never from request headers). */
export function orgPageUrl(org: TPublicOrg, page: TOrgUserPage, token?: string): string {
  const url = `${env.APP_URL}${routes.orgUserPage(org.slug, page)}`
  return token ? `${url}?token=${token}` : url
}

const normalizeEmail = (email: string) => email.trim().toLowerCase()
const tokenKey = (org: TPublicOrg, purpose: TTokenPurpose, token: string) => ({ orgId: org.id, purpose, tokenHash: hashToken(token) })

/**
 * Signs up an unverified user (or replaces a pending one's password and links) and queues the verification email; a
 * verified address gets a signup_attempt email instead, with the same result.
 */
export async function signUpOrgUser(org: TPublicOrg, input: TOrgUserSignup, reservation?: THashReservation): Promise<{ ok: true }> {
  const email = normalizeEmail(input.email)
  // Hashed whatever happens next: a registered address must cost about as much time as a new one.
  const passwordHash = await hashPassword(input.password, reservation)
  if ((await findAndCreate(org, email, passwordHash)) === 'created') return { ok: true }
  const message = await signupAttempt({ orgName: org.name, recoverLink: orgPageUrl(org, 'recover') })
  const prisma = await getPrisma()
  await prisma.$transaction((tx) => enqueueEmail(tx, { orgId: org.id, kind: 'signup_attempt', to: email, ...message }))
  return { ok: true }
}

/** Answers a sign-up at once and hands the lookup, hash and enqueue to `defer` (Next's `after()` in the action). */
export function acceptOrgUserSignup(
  org: TPublicOrg,
  input: TOrgUserSignup,
  reservation: THashReservation,
  defer: (work: () => Promise<unknown>) => void,
): { ok: true } {
  defer(() => signUpOrgUser(org, input, reservation))
  return { ok: true }
}

async function findAndCreate(org: TPublicOrg, email: string, passwordHash: string): Promise<'created' | 'exists'> {
  const existing = await store.findOrgUser(org.id, email)
  if (existing?.isVerified) return 'exists'
  const now = new Date()
  const { token, tokenHash, expiresAt } = issueToken('verify', now)
  const message = await verifyEmail({ orgName: org.name, link: orgPageUrl(org, 'verify', token) })
  const prisma = await getPrisma()
  try {
    await prisma.$transaction(async (tx) => {
      // An unverified sign-up is only a claim: a newer one replaces its password and its links, so whoever signed up
      // first gains nothing until the address's owner verifies (and the owner's own password is the one kept).
      const orgUserId = existing?.id ?? (await store.createOrgUser(tx, { orgId: org.id, email, passwordHash }))
      if (existing) {
        await store.replacePendingPassword(tx, existing.id, passwordHash)
        await store.revokeTokens(tx, existing.id, 'verify', now)
      }
      await store.insertToken(tx, { orgUserId, purpose: 'verify', tokenHash, expiresAt })
      await enqueueEmail(tx, { orgId: org.id, kind: 'verify', to: email, ...message })
    })
    return 'created'
  } catch (error) {
    if (isUniqueViolation(error)) return 'exists' // a concurrent sign-up with the same address won the race
    throw error
  }
}

/** Whether a verification link can still be used (the verify page checks before showing its button; only the POST consumes it). */
export async function isVerifyLinkUsable(org: TPublicOrg, token: string): Promise<boolean> {
  return store.isTokenUsable(tokenKey(org, 'verify', token), new Date())
}

/**
 * Consumes a verification link and marks its user's email verified; refuses unknown, used or expired links. Whoever
 * signed the address up chose its password: the verifier must know it, or an attacker who signed up someone else's
 * address would keep a password that works once its owner clicks the link (the owner resets the password instead).
 */
export async function verifyOrgUserEmail(org: TPublicOrg, token: string, input: TEmailVerification): Promise<TVerifyResult> {
  const key = tokenKey(org, 'verify', token)
  const pendingHash = await store.findPasswordHashOfToken(key, new Date())
  if (pendingHash === null) return INVALID_LINK
  if (!(await verifyPassword({ hash: pendingHash, password: input.password }))) return { ok: false, reason: 'wrong-password' }
  const now = new Date()
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx): Promise<TVerifyResult> => {
    const orgUserId = await store.consumeToken(tx, key, now)
    if (orgUserId === null) return INVALID_LINK
    await store.markEmailVerified(tx, orgUserId, now)
    return { ok: true }
  })
}

/** Queues a password-reset email if the address is registered (superseding earlier links); the same result either way. */
export async function requestRecovery(org: TPublicOrg, input: TRecoveryRequest): Promise<{ ok: true }> {
  const email = normalizeEmail(input.email)
  const orgUserId = await store.findOrgUserId(org.id, email)
  const now = new Date()
  const { token, tokenHash, expiresAt } = issueToken('reset', now)
  // Rendered even for an unknown address, so both answers take about as long.
  const message = await resetPasswordEmail({ orgName: org.name, link: orgPageUrl(org, 'reset', token) })
  if (orgUserId === null) return { ok: true }
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await store.revokeTokens(tx, orgUserId, 'reset', now)
    await store.insertToken(tx, { orgUserId, purpose: 'reset', tokenHash, expiresAt })
    await enqueueEmail(tx, { orgId: org.id, kind: 'reset', to: email, ...message })
  })
  return { ok: true }
}

/** Whether a password-reset link can still be used (the reset page checks before showing its form). */
export async function isResetLinkUsable(org: TPublicOrg, token: string): Promise<boolean> {
  return store.isTokenUsable(tokenKey(org, 'reset', token), new Date())
}

/**
 * Sets a new password through a reset link, consuming it and every other outstanding reset link of the user.
 * The link proves the user receives mail at the address, so an unverified email becomes verified too.
 */
export async function resetPassword(org: TPublicOrg, token: string, input: TPasswordReset): Promise<TLinkResult> {
  const key = tokenKey(org, 'reset', token)
  // Cheap check first: a bad link must not cost a password hash.
  if (!(await store.isTokenUsable(key, new Date()))) return INVALID_LINK
  const passwordHash = await hashPassword(input.password)
  const now = new Date()
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx): Promise<TLinkResult> => {
    const orgUserId = await store.consumeToken(tx, key, now)
    if (orgUserId === null) return INVALID_LINK
    await store.setPasswordHash(tx, orgUserId, passwordHash)
    await store.markEmailVerified(tx, orgUserId, now)
    await store.revokeTokens(tx, orgUserId, 'reset', now)
    // whoever knew the old password is signed out everywhere
    await deleteUserSessions(tx, orgUserId)
    return { ok: true }
  })
}

// A hash no password matches, checked when the address is unknown so that its answer takes as long as a wrong
// password's (made once per process, on first need; kept only once made, so a full hash queue is not remembered).
let unknownUserHash: string | undefined
async function hashForUnknownUser(): Promise<string> {
  return (unknownUserHash ??= await hashPassword(randomBytes(32).toString('base64url')))
}

/**
 * Signs a user in and starts their session. A wrong password and an unknown address answer alike, after a password
 * check each; "verify first" is told only to whoever knows the password of the unverified account.
 */
export async function signInOrgUser(org: TPublicOrg, input: TOrgUserLogin, ipNetwork: string | null): Promise<TSignInResult> {
  const user = await store.findOrgUserCredentials(org.id, normalizeEmail(input.email))
  const hash = user?.passwordHash ?? (await hashForUnknownUser())
  const isMatch = await verifyPassword({ hash, password: input.password })
  if (!user || !isMatch) return { ok: false, reason: 'bad-credentials' }
  if (!user.isVerified) return { ok: false, reason: 'unverified' }
  return { ok: true, ...(await createSession(user.id, ipNetwork)) }
}

/** The user signed in to `org` with the session cookie's `token`, or null (none, unknown, expired). */
export async function findSignedInUser(org: TPublicOrg, token: string | undefined): Promise<TOrgUserSession | null> {
  return token ? findSession(org.id, token) : null
}

/** Ends the session of the cookie's `token` in `org`. */
export async function signOutOrgUser(org: TPublicOrg, token: string | undefined): Promise<void> {
  if (token) await deleteSession(org.id, token)
}
