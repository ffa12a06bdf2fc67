'use client'

import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZOrgUserLogin, type TOrgUserLogin } from '@/lib/org-users/schema'
import { signInOrgUserAction } from '@/lib/org-users/actions/sign-in'
import { signUpOrgUserAction } from '@/lib/org-users/actions/sign-up'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { useResendEmail } from './resend-email'

/** Signs a user in to an organization, then continues to `next` (checked on the server) or their account. */
export function OrgLoginForm({ slug, next }: { slug: string; next?: string }) {
  // the credentials of an unverified account and the words saying so, kept for **Resend email** (the sign-up's own
  // request and limits) while those words are the form's message
  const [unverified, setUnverified] = useState<{ values: TOrgUserLogin; message?: string }>()
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZOrgUserLogin),
    defaultValues: { email: '', password: '' },
    fields: ['email', 'password'],
    action: (values) => signInOrgUserAction(slug, values, next),
    onResult: (result, values) => setUnverified('isUnverified' in result ? { values, message: result.message } : undefined),
  })
  const resend = useResendEmail(() => signUpOrgUserAction(slug, unverified?.values ?? form.getValues()))

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      {unverified && message === unverified.message && (
        <div className="flex flex-col gap-4">
          {resend.outcomeAlert}
          <div>{resend.button}</div>
        </div>
      )}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Sign in
      </Button>
    </form>
  )
}
