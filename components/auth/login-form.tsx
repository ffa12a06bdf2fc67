'use client'

import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZLogin, type TLogin } from '@/lib/auth/schema'
import { signInAction } from '@/app/(auth)/login/actions'
import { applyActionFailure } from '@/components/forms/apply-action-failure'
import { TextField } from '@/components/ui/text-field'
import { Button } from '@/components/ui/button'
import { useIsHydrated } from '@/components/forms/use-is-hydrated'
import { Alert } from '@/components/ui/alert'

const FIELDS = ['email', 'password'] as const

/** Signs a console admin in, then continues to `next` (checked on the server). */
export function LoginForm({ next, notice }: { next?: string; notice?: string }) {
  const form = useForm<TLogin>({ resolver: zodResolver(ZLogin), defaultValues: { email: '', password: '' } })
  const [message, setMessage] = useState<string>()
  const { errors, isSubmitting } = form.formState
  const isHydrated = useIsHydrated()

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined)
    const failure = await signInAction(values, next)
    if (failure) setMessage(applyActionFailure(form, failure, FIELDS))
  })

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message ? <Alert tone="error">{message}</Alert> : notice && <Alert tone="info">{notice}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Sign in
      </Button>
    </form>
  )
}
