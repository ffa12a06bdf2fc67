import 'server-only'
import type { TStepUpRequired } from '@/lib/auth/messages'
import { getPrisma } from '@/lib/server/db'

export type { TStepUpRequired }

// Step-up: changing where an organization's mail goes (a provider's target, Revert, the fallback switch), creating an
// API key and changing roles or ownership need a console session that proved who the admin is within the last
// RECENT_SIGN_IN_MS: its sign-in, or a later Confirm it's you (step-up.ts), which renews the session's stamp
// `authenticatedAt`. A stolen session cookie alone then cannot redirect the organization's password-reset emails.

/** How long a sign-in (or a Confirm it's you) counts as recent. */
export const RECENT_SIGN_IN_MS = 10 * 60 * 1000

/** Where rules read the time: tests pass one they can move (no sleeps). */
export type TClock = () => Date
export const systemClock: TClock = () => new Date()

/**
 * The check a sensitive change calls just before it is made (null: go ahead). Console sessions pass
 * `recentSignInOf(session)`; API keys act as themselves and pass API_KEY_ACTS_AS_ITSELF.
 */
export type TRecentSignInCheck = () => Promise<TStepUpRequired | null>

/** The Management API's keys are never asked: a key is its own credential. */
export const API_KEY_ACTS_AS_ITSELF: TRecentSignInCheck = async () => null

export type TSessionRef = { sessionId: string; userId: string; isTwoFactorOn: boolean }

/** Whether `authenticatedAt` lies within RECENT_SIGN_IN_MS of `now` (a minute ahead is allowed for instances' clocks). */
export function isRecent(authenticatedAt: Date, now: Date): boolean {
  const age = now.getTime() - authenticatedAt.getTime()
  return age >= -60_000 && age <= RECENT_SIGN_IN_MS
}

/** The session's check: refused unless it proved who the admin is within RECENT_SIGN_IN_MS by `clock`. */
export function recentSignInOf(session: TSessionRef, clock: TClock = systemClock): TRecentSignInCheck {
  return () => requireRecentSignIn(session, clock)
}

/** requireRecentSignIn: null when the session's sign-in (or step-up) is recent, else what the console must ask. */
export async function requireRecentSignIn(session: TSessionRef, clock: TClock = systemClock): Promise<TStepUpRequired | null> {
  const row = await (
    await getPrisma()
  ).session.findFirst({
    where: { id: session.sessionId, userId: session.userId },
    select: { authenticatedAt: true },
  })
  if (row && isRecent(row.authenticatedAt, clock())) return null
  return { ok: false, code: 'step-up-required', isCodeRequired: session.isTwoFactorOn }
}

/** Records that the admin proved who they are in this session now (a step-up). */
export async function stampAuthenticated(session: TSessionRef, clock: TClock = systemClock): Promise<void> {
  await (await getPrisma()).session.updateMany({ where: { id: session.sessionId, userId: session.userId }, data: { authenticatedAt: clock() } })
}
