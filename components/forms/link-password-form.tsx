'use client'

import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZPasswordReset, type TPasswordReset } from '@/lib/org-users/schema'
import type { TResetPasswordResult } from '@/lib/org-users/actions/reset'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { NewPasswordField } from './new-password-field'
import { useActionForm } from './use-action-form'

type TLinkPasswordFormProps = {
  reset: (values: TPasswordReset) => Promise<TResetPasswordResult>
  /** shown once the password is set */
  done: React.ReactNode
  /** shown when the link turns out bad, used or expired on submit */
  invalidLink: React.ReactNode
}

/** Sets a new password (New password, Reset password) with an emailed link's token: only this POST uses the link. */
export function LinkPasswordForm({ reset, done, invalidLink }: TLinkPasswordFormProps) {
  const [outcome, setOutcome] = useState<'done' | 'invalid-link'>()
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZPasswordReset),
    defaultValues: { password: '' },
    fields: ['password'],
    action: reset,
    onResult: (result) => {
      if (result.ok) setOutcome('done')
      else if ('isLinkInvalid' in result) setOutcome('invalid-link')
      else return false
      return true
    },
  })

  if (outcome === 'done') return done
  if (outcome === 'invalid-link') return invalidLink
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <NewPasswordField label="New password" error={errors.password?.message} registration={form.register('password')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Reset password
      </Button>
    </form>
  )
}
