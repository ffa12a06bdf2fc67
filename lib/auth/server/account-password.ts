import 'server-only'
import { APIError } from 'better-auth/api'
import { failure, type TDomainResult } from '@/lib/forms/domain-result'
import type { TChangePassword } from '@/lib/auth/account-schema'
import { getAuth } from './auth'

export type TChangePasswordFailure = 'wrong-password' | 'password-too-short' | 'signed-out'

/**
 * Changes the signed-in admin's password (Better Auth's changePassword): every session is ended and this device gets
 * a new one (its cookie is set), so whoever knew the old password is signed out everywhere.
 */
export async function changeAdminPassword(requestHeaders: Headers, input: TChangePassword): Promise<TDomainResult<object, TChangePasswordFailure>> {
  const auth = await getAuth()
  try {
    await auth.api.changePassword({ body: { ...input, revokeOtherSessions: true }, headers: requestHeaders })
    return { ok: true }
  } catch (error) {
    if (!(error instanceof APIError)) throw error
    if (error.body?.code === 'INVALID_PASSWORD') return failure('wrong-password', 'currentPassword')
    if (error.body?.code === 'PASSWORD_TOO_SHORT') return failure('password-too-short', 'newPassword')
    if (error.status === 'UNAUTHORIZED') return failure('signed-out')
    throw error
  }
}
