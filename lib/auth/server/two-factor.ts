import 'server-only'
import { APIError } from 'better-auth/api'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'
import { getPrisma } from '@/lib/server/db'
import { getAuth } from './auth'
import { isRecoveryCode } from '@/lib/auth/account-schema'
import { forgetRecoveryCodes, issueRecoveryCodes, redeemRecoveryCode } from './recovery-codes'

export type TTwoFactorFailure = 'wrong-password' | 'wrong-code' | 'signed-out' | 'expired' | 'locked'

/** The secret as an authenticator app takes it typed in: the otpauth URI's base32 `secret`. */
function secretOf(totpURI: string): string {
  return new URL(totpURI).searchParams.get('secret') ?? ''
}

function translate(error: unknown, field: string): TDomainResult<never, TTwoFactorFailure> {
  if (!(error instanceof APIError)) throw error
  const code = String(error.body?.code ?? '')
  if (code === 'INVALID_PASSWORD') return failure('wrong-password', field)
  if (code === 'INVALID_CODE' || code === 'INVALID_BACKUP_CODE' || code === 'INVALID_TWO_FACTOR_CODE') return failure('wrong-code', field)
  if (code === 'ACCOUNT_TEMPORARILY_LOCKED') return failure('locked', field)
  // the sign-in's challenge is gone: too old, used up by wrong codes, or never started
  if (code === 'INVALID_TWO_FACTOR_COOKIE' || code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE' || code === 'TOTP_NOT_ENABLED') return failure('expired')
  if (error.status === 'UNAUTHORIZED') return failure('signed-out')
  throw error
}

/**
 * Starts turning two-factor on (checks the password): a new TOTP secret is stored encrypted, not yet in force until
 * confirmTwoFactorSetup sees a code from it. Answers what the authenticator app needs; the recovery codes wait.
 */
export async function startTwoFactorSetup(
  requestHeaders: Headers,
  password: string,
): Promise<TDomainResult<{ totpURI: string; secret: string }, TTwoFactorFailure>> {
  const auth = await getAuth()
  try {
    const result = await auth.api.enableTwoFactor({ body: { password }, headers: requestHeaders })
    if (result.method !== 'totp') throw new Error('two-factor setup answered no TOTP secret')
    return { ok: true, totpURI: result.totpURI, secret: secretOf(result.totpURI) }
  } catch (error) {
    return translate(error, 'password')
  }
}

/**
 * Confirms the setup with a code from the app: two-factor is on (the session is renewed, its cookie set) and the
 * recovery codes are answered, this once, for the admin to store.
 */
export async function confirmTwoFactorSetup(
  requestHeaders: Headers,
  userId: string,
  code: string,
): Promise<TDomainResult<{ recoveryCodes: string[] }, TTwoFactorFailure>> {
  const auth = await getAuth()
  try {
    await auth.api.verifyTOTP({ body: { code }, headers: requestHeaders })
  } catch (error) {
    return translate(error, 'code')
  }
  // new codes each time two-factor is turned on; only their hashes are kept
  return { ok: true, recoveryCodes: await issueRecoveryCodes(userId) }
}

/** Turns two-factor off (checks the password); the secret and the recovery codes are deleted. */
export async function turnOffTwoFactor(requestHeaders: Headers, password: string): Promise<TDomainResult<object, TTwoFactorFailure>> {
  const auth = await getAuth()
  try {
    const session = await auth.api.getSession({ headers: requestHeaders })
    await auth.api.disableTwoFactor({ body: { password }, headers: requestHeaders })
    if (session) await forgetRecoveryCodes(session.user.id)
    return { ok: true }
  } catch (error) {
    return translate(error, 'password')
  }
}

/**
 * The second sign-in step: a code from the app or a recovery code (used up; checked against our hashes by
 * recovery-code-plugin.ts before the plugin completes the sign-in), against the two-factor cookie that the
 * password step set. On success the session starts (its cookie is set) and the user's id is answered.
 */
export async function verifySecondFactor(
  requestHeaders: Headers,
  kind: 'totp' | 'recovery',
  code: string,
): Promise<TDomainResult<{ userId: string }, TTwoFactorFailure>> {
  const auth = await getAuth()
  try {
    const result =
      kind === 'totp'
        ? await auth.api.verifyTOTP({ body: { code }, headers: requestHeaders })
        : await auth.api.verifyBackupCode({ body: { code }, headers: requestHeaders })
    return { ok: true, userId: result.user.id }
  } catch (error) {
    return translate(error, 'code')
  }
}

/** Whether the admin has two-factor on. */
export async function isTwoFactorOn(userId: string): Promise<boolean> {
  const user = await (await getPrisma()).user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } })
  return user?.twoFactorEnabled ?? false
}

/**
 * Confirm it's you (step-up) in a session that is already signed in: the password, then (two-factor on) a code from
 * the app or one recovery code, which is then used up. Nothing else changes: no new session, no cookie.
 */
export async function verifySignedInIdentity(
  requestHeaders: Headers,
  input: { password: string; code?: string },
  account: { userId: string; isTwoFactorOn: boolean },
): Promise<TDomainResult<object, TTwoFactorFailure>> {
  const auth = await getAuth()
  try {
    await auth.api.verifyPassword({ body: { password: input.password }, headers: requestHeaders })
  } catch (error) {
    return translate(error, 'password')
  }
  if (!account.isTwoFactorOn) return { ok: true }
  const code = input.code ?? ''
  if (isRecoveryCode(code)) return (await redeemRecoveryCode(account.userId, code)) ? { ok: true } : failure('wrong-code', 'code')
  try {
    await auth.api.verifyTOTP({ body: { code }, headers: requestHeaders })
    return { ok: true }
  } catch (error) {
    return translate(error, 'code')
  }
}
