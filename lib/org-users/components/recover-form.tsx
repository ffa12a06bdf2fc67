'use client'

import { requestRecoveryAction } from '@/lib/org-users/actions/recover'
import { LinkRequestForm } from '@/components/forms/link-request-form'

/** Asks for a password-reset email; the answer never tells whether the address has an account. */
export function RecoverForm({ slug }: { slug: string }) {
  return (
    <LinkRequestForm
      request={(values) => requestRecoveryAction(slug, values)}
      submitLabel="Send recovery email"
      sentMessage="If an account exists for that address, we sent a link to reset the password."
    />
  )
}
