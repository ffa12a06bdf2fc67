'use client'

import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZOrgUserSignup, type TOrgUserSignup } from '@/lib/org-users/schema'
import { signUpOrgUserAction } from '@/app/t/[slug]/signup/actions'
import { applyActionFailure } from '@/components/forms/apply-action-failure'
import { useIsHydrated } from '@/components/forms/use-is-hydrated'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { SUBMIT_FAILED } from './messages'

const FIELDS = ['email', 'password'] as const

/** Signs a user up to an organization; the same neutral answer whether or not the address is registered. */
export function OrgSignupForm({ slug }: { slug: string }) {
  const form = useForm<TOrgUserSignup>({ resolver: zodResolver(ZOrgUserSignup), defaultValues: { email: '', password: '' } })
  const [message, setMessage] = useState<string>()
  const [isSent, setIsSent] = useState(false)
  const { errors, isSubmitting } = form.formState
  const isHydrated = useIsHydrated()

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined)
    try {
      const result = await signUpOrgUserAction(slug, values)
      if (result.ok) setIsSent(true)
      else setMessage(applyActionFailure(form, result, FIELDS))
    } catch {
      setMessage(SUBMIT_FAILED)
    }
  })

  if (isSent) return <Alert tone="success">Check your inbox: we sent a link to verify your email address.</Alert>
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
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Sign up
      </Button>
    </form>
  )
}
