'use client'

import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZPasswordReset } from '@/lib/org-users/schema'
import { resetPasswordAction } from '@/lib/org-users/actions/reset'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { NewPasswordField } from '@/components/forms/new-password-field'
import { INVALID_LINK_TITLE, InvalidLinkHelp } from './invalid-link'
import { SignInLink } from './org-card'

/** Sets a new password with the token of an emailed reset link. */
export function ResetPasswordForm({ slug, token }: { slug: string; token: string }) {
  const [outcome, setOutcome] = useState<'done' | 'invalid-link'>()
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZPasswordReset),
    defaultValues: { password: '' },
    fields: ['password'],
    action: (values) => resetPasswordAction(slug, token, values),
    onResult: (result) => {
      if (result.ok) setOutcome('done')
      else if ('isLinkInvalid' in result) setOutcome('invalid-link')
      else return false
      return true
    },
  })

  if (outcome === 'done') {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">Your password has been reset.</Alert>
        <SignInLink slug={slug} />
      </div>
    )
  }
  if (outcome === 'invalid-link') {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="error">{INVALID_LINK_TITLE}.</Alert>
        <InvalidLinkHelp slug={slug} purpose="reset" />
      </div>
    )
  }
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
