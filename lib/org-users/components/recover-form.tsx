'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { ZRecoveryRequest, type TRecoveryRequest } from '@/lib/org-users/schema'
import { requestRecoveryAction } from '@/lib/org-users/actions/recover'
import { useActionForm } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { SentConfirmation } from './sent-confirmation'
import { useSentState } from './use-sent-state'

/** Asks for a password-reset email; the answer never tells whether the address has an account. */
export function RecoverForm({ slug }: { slug: string }) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZRecoveryRequest),
    defaultValues: { email: '' },
    fields: ['email'],
    action: (values) => requestRecoveryAction(slug, values),
    onResult: (result, values) => result.ok && (setSent(values), true),
  })
  const { sent, setSent, clear } = useSentState<TRecoveryRequest>(() => form.setFocus('email'))

  if (sent) {
    return (
      <SentConfirmation resend={() => requestRecoveryAction(slug, sent)} onUseAnotherAddress={() => (form.reset(), clear())}>
        If an account exists for that address, we sent a link to reset the password.
      </SentConfirmation>
    )
  }
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
