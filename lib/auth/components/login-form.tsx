'use client'

import Link from 'next/link'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZLogin } from '@/lib/auth/schema'
import { signInAction } from '@/lib/auth/actions/sign-in'
import { useActionForm } from '@/components/forms/use-action-form'
import { TextField } from '@/components/ui/text-field'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { routes } from '@/lib/routes'

/** Signs a console admin in, then continues to `next` (checked on the server). */
export function LoginForm({ next, notice }: { next?: string; notice?: string }) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZLogin),
    defaultValues: { email: '', password: '' },
    fields: ['email', 'password'],
    action: (values) => signInAction(values, next),
  })

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message ? <Alert tone="error">{message}</Alert> : notice && <Alert tone="info">{notice}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
      <Link href={routes.forgotPassword} className="-mt-2 self-end rounded text-sm font-medium text-brand-700 hover:text-brand-800">
        Forgot password?
      </Link>
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Sign in
      </Button>
    </form>
  )
}
