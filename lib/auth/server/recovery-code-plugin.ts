import 'server-only'
import { randomBytes } from 'node:crypto'
import type { BetterAuthPlugin } from 'better-auth'
import { createAuthMiddleware, isAPIError } from 'better-auth/api'
import { redeemRecoveryCode, releaseRedeemedCode } from './recovery-codes'

// Better Auth's twoFactor plugin keeps recovery ("backup") codes in its own column, encrypted, and compares them in
// plain text; it cannot complete a sign-in without that check and offers no hook for it. So our hashed codes
// (recovery-codes.ts) are the truth, and the plugin holds only a throwaway: its column says `retired`, and the one
// code it accepts is a random pass minted here for a request whose recovery code we have just redeemed. The plugin
// then does the rest as for its own codes: the per-challenge and per-account attempt limits, the new session and its
// cookie, the end of the challenge.

const VERIFY_PATH = '/two-factor/verify-backup-code'
const RETIRED = 'retired'
// the challenge cookie the twoFactor plugin sets at the password step (its TWO_FACTOR_COOKIE_NAME)
const CHALLENGE_COOKIE = 'two_factor'

/** Passes minted for redeemed codes, each for one request: the claim to give back if the plugin then refuses. */
const passes = new Map<string, { id: string; at: Date }>()

/** The twoFactor plugin's backupCodeOptions: its column and its check hold no codes, only this module's passes. */
export const retiredBackupCodes = {
  amount: 1,
  storeBackupCodes: {
    encrypt: async () => RETIRED,
    decrypt: async () => JSON.stringify([...passes.keys()]),
  },
}

/**
 * Checks a recovery code against our hashes before the twoFactor plugin's Verify backup code runs (the same for
 * `auth.api` and HTTP): a code of the challenge's user that is not used yet is redeemed and the plugin given a pass;
 * anything else reaches the plugin as a code that never matches, so it counts as a wrong one.
 */
export function hashedRecoveryCodes() {
  return {
    id: 'mailgate-hashed-recovery-codes',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === VERIFY_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const body = (ctx.body ?? {}) as Record<string, unknown>
            const userId = await challengeUserId(ctx)
            const claim = userId && typeof body.code === 'string' ? await redeemRecoveryCode(userId, body.code) : null
            if (!claim) return { context: { body: { ...body, code: '' } } }
            const pass = randomBytes(32).toString('base64url')
            passes.set(pass, claim)
            return { context: { body: { ...body, code: pass } } }
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === VERIFY_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const pass = (ctx.body as { code?: unknown } | undefined)?.code
            const claim = typeof pass === 'string' ? passes.get(pass) : undefined
            if (!claim || typeof pass !== 'string') return
            passes.delete(pass)
            // the plugin refused after all (challenge ended, account locked): the code was not used
            if (isAPIError(ctx.context.returned)) await releaseRedeemedCode(claim)
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin
}

type TMiddlewareContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0]

/** The user whose sign-in waits for its second step, from the plugin's signed challenge cookie; null if none. */
async function challengeUserId(ctx: TMiddlewareContext): Promise<string | null> {
  const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE)
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret)
  if (!identifier) return null
  const challenge = await ctx.context.internalAdapter.findVerificationValue(identifier)
  if (!challenge || new Date(challenge.expiresAt) <= new Date()) return null
  return challenge.value
}
