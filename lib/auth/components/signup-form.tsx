'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { ZAdminSignup } from '@/lib/auth/schema'
import { signUpAction } from '@/lib/auth/actions/sign-up'
import { useActionForm } from '@/components/forms/use-action-form'
import { TextField } from '@/components/ui/text-field'
import { NewPasswordField } from '@/components/forms/new-password-field'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'

/** Creates a console admin and their organization (the action redirects to the console). */
export function SignupForm() {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZAdminSignup),
    defaultValues: { email: '', password: '', orgName: '' },
    fields: ['email', 'password', 'orgName'],
    action: signUpAction,
  })

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <NewPasswordField error={errors.password?.message} registration={form.register('password')} />
      <TextField label="Organization name" autoComplete="organization" error={errors.orgName?.message} {...form.register('orgName')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Create account
      </Button>
    </form>
  )
}
