'use client'

import { requestAdminPasswordResetAction } from '@/lib/auth/actions/password-reset'
import { LinkRequestForm } from '@/components/forms/link-request-form'

/** Forgot password: asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordForm() {
  return (
    <LinkRequestForm
      request={requestAdminPasswordResetAction}
      submitLabel="Send reset link"
      sentMessage="If an account exists for that address, we sent a link to reset its password. The link works for 1 hour."
    />
  )
}
