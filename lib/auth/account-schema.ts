// Shared by the Account › Security forms and the second sign-in step (zodResolver) and their Server Actions (safeParse).
import { z } from 'zod/mini'

const ZCurrentPassword = z.string().check(z.minLength(1, 'Enter your current password'), z.maxLength(128, 'Passwords are at most 128 characters'))

export const ZChangePassword = z.object({
  currentPassword: ZCurrentPassword,
  newPassword: z.string().check(z.minLength(10, 'Use at least 10 characters'), z.maxLength(128, 'Passwords are at most 128 characters')),
})

/** Turning two-factor on or off asks for the password. */
export const ZConfirmPassword = z.object({
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(128, 'Passwords are at most 128 characters')),
})

/** A six-digit code from the authenticator app (spaces a user types between the digits are dropped). */
export const ZTotpCode = z.object({
  code: z.string().check(
    z.overwrite((value) => value.replace(/\s+/g, '')),
    z.minLength(1, 'Enter the 6-digit code from your authenticator app'),
    z.regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'),
  ),
})

const RECOVERY_CODE_PATTERN = /^[A-Za-z2-7]{4}([\s-]?[A-Za-z2-7]{4}){3}$/
const TOTP_CODE_PATTERN = /^\d{6}$/

/** A recovery code as shown at setup (xxxx-xxxx-xxxx-xxxx); any case, the dashes or spaces optional. */
export const ZRecoveryCode = z.object({
  code: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter one of your recovery codes'),
      z.regex(RECOVERY_CODE_PATTERN, 'Enter a recovery code as shown, like abcd-efgh-2345-wxyz'),
    ),
})

/** Whether a second-factor code (as validated below) is a recovery code rather than the app's 6 digits. */
export function isRecoveryCode(code: string): boolean {
  return !TOTP_CODE_PATTERN.test(code)
}

/** Confirm it's you with two-factor on: the app's 6-digit code, or one recovery code when the phone is not at hand. */
const ZAppOrRecoveryCode = z.object({
  code: z.string().check(
    z.overwrite((value) => value.replace(/\s+/g, '')),
    z.minLength(1, 'Enter the 6-digit code from your authenticator app, or a recovery code'),
    z.refine(
      (value) => TOTP_CODE_PATTERN.test(value) || RECOVERY_CODE_PATTERN.test(value),
      'Enter the 6-digit code from your authenticator app, or a recovery code like abcd-efgh-2345-wxyz',
    ),
  ),
})

/** Confirm it's you (step-up): the password, and the app's code when two-factor is on. */
export const ZStepUp = ZConfirmPassword
export const ZStepUpWithCode = z.extend(ZConfirmPassword, ZAppOrRecoveryCode.shape)

export type TChangePassword = z.infer<typeof ZChangePassword>
export type TConfirmPassword = z.infer<typeof ZConfirmPassword>
export type TTotpCode = z.infer<typeof ZTotpCode>
export type TRecoveryCode = z.infer<typeof ZRecoveryCode>
export type TStepUp = { password: string; code?: string }
