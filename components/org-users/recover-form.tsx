'use client'

import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZRecoveryRequest, type TRecoveryRequest } from '@/lib/org-users/schema'
import { requestRecoveryAction } from '@/app/t/[slug]/recover/actions'
import { applyActionFailure } from '@/components/forms/apply-action-failure'
import { useIsHydrated } from '@/components/forms/use-is-hydrated'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { SUBMIT_FAILED } from './messages'

const FIELDS = ['email'] as const

/** Asks for a password-reset email; the answer never tells whether the address has an account. */
export function RecoverForm({ slug }: { slug: string }) {
  const form = useForm<TRecoveryRequest>({ resolver: zodResolver(ZRecoveryRequest), defaultValues: { email: '' } })
  const [message, setMessage] = useState<string>()
  const [isSent, setIsSent] = useState(false)
  const { errors, isSubmitting } = form.formState
  const isHydrated = useIsHydrated()

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined)
    try {
      const result = await requestRecoveryAction(slug, values)
      if (result.ok) setIsSent(true)
      else setMessage(applyActionFailure(form, result, FIELDS))
    } catch {
      setMessage(SUBMIT_FAILED)
    }
  })

  if (isSent) return <Alert tone="success">If an account exists for that address, we sent a link to reset the password.</Alert>
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Send recovery email
      </Button>
    </form>
  )
}
