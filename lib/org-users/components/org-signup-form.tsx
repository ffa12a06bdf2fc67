'use client'

import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZOrgUserSignup } from '@/lib/org-users/schema'
import { signUpOrgUserAction } from '@/lib/org-users/actions/sign-up'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { NewPasswordField } from '@/components/forms/new-password-field'

/** Signs a user up to an organization; the same neutral answer whether or not the address is registered. */
export function OrgSignupForm({ slug }: { slug: string }) {
  const [isSent, setIsSent] = useState(false)
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZOrgUserSignup),
    defaultValues: { email: '', password: '' },
    fields: ['email', 'password'],
    action: (values) => signUpOrgUserAction(slug, values),
    onResult: (result) => result.ok && (setIsSent(true), true),
  })

  if (isSent) return <Alert tone="success">Check your inbox: we sent a link to verify your email address.</Alert>
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <NewPasswordField error={errors.password?.message} registration={form.register('password')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Sign up
      </Button>
    </form>
  )
}
