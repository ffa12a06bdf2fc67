import 'server-only'
import { APIError } from 'better-auth/api'
import { wakeDeliveryWorker } from '@/lib/delivery/server/worker/worker'
import { getAuth } from './auth'
import { RESET_IDENTIFIER_PREFIX } from './password-reset-hooks'

// A console admin's forgotten password, by Better Auth's reset flow: its link token is stored hashed (auth.ts), lasts
// an hour, works once, and the reset deletes every session of the account. Only the reset page's POST uses the link.

/** Emails a reset link if the address has an account; nothing tells the caller which. */
export async function requestAdminPasswordReset(email: string): Promise<void> {
  const auth = await getAuth()
  await auth.api.requestPasswordReset({ body: { email } })
  wakeDeliveryWorker()
}

/** Whether the link would reset a password (the page's GET checks it, never uses it). */
export async function isAdminResetLinkUsable(token: string): Promise<boolean> {
  const context = await (await getAuth()).$context
  const found = await context.internalAdapter.findVerificationValue(`${RESET_IDENTIFIER_PREFIX}${token}`)
  return found !== null && found.expiresAt > new Date()
}

/** Sets the new password with the link's token (once); false for an unknown, used or expired link. */
export async function resetAdminPassword(token: string, newPassword: string): Promise<boolean> {
  const auth = await getAuth()
  try {
    await auth.api.resetPassword({ body: { token, newPassword } })
    return true
  } catch (error) {
    if (error instanceof APIError && error.status === 'BAD_REQUEST') return false
    throw error
  }
}
