'use client'

import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZAdminSignup, type TAdminSignup } from '@/lib/auth/schema'
import { signUpAction } from '@/app/(auth)/signup/actions'
import { applyActionFailure } from '@/components/forms/apply-action-failure'
import { TextField } from '@/components/ui/text-field'
import { Button } from '@/components/ui/button'
import { useIsHydrated } from '@/components/forms/use-is-hydrated'
import { Alert } from '@/components/ui/alert'

const FIELDS = ['email', 'password', 'orgName'] as const

/** Creates a console admin and their organization. */
export function SignupForm() {
  const form = useForm<TAdminSignup>({ resolver: zodResolver(ZAdminSignup), defaultValues: { email: '', password: '', orgName: '' } })
  const [message, setMessage] = useState<string>()
  const { errors, isSubmitting } = form.formState
  const isHydrated = useIsHydrated()

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined)
    const failure = await signUpAction(values)
    if (failure) setMessage(applyActionFailure(form, failure, FIELDS))
  })

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.password?.message}
        {...form.register('password')}
      />
      <TextField label="Organization name" autoComplete="organization" error={errors.orgName?.message} {...form.register('orgName')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Create account
      </Button>
    </form>
  )
}
