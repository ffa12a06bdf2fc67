'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { ZRecoveryRequest, type TRecoveryRequest } from '@/lib/org-users/schema'
import type { TActionResult } from '@/lib/forms/action-result'
import { SentConfirmation } from '@/lib/org-users/components/sent-confirmation'
import { useSentState } from '@/lib/org-users/components/use-sent-state'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'
import { useActionForm } from './use-action-form'

type TLinkRequestFormProps = {
  request: (values: TRecoveryRequest) => Promise<TActionResult>
  submitLabel: string
  /** what the answer says once sent: never whether the address has an account */
  sentMessage: React.ReactNode
}

/** Asks for an emailed link by address (account recovery); Resend email repeats the request within its limits. */
export function LinkRequestForm({ request, submitLabel, sentMessage }: TLinkRequestFormProps) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZRecoveryRequest),
    defaultValues: { email: '' },
    fields: ['email'],
    action: request,
    onResult: (result, values) => result.ok && (setSent(values), true),
  })
  const { sent, setSent, clear } = useSentState<TRecoveryRequest>(() => form.setFocus('email'))

  if (sent) {
    return (
      <SentConfirmation resend={() => request(sent)} onUseAnotherAddress={() => (form.reset(), clear())}>
        {sentMessage}
      </SentConfirmation>
    )
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        {submitLabel}
      </Button>
    </form>
  )
}
