'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { ZConfirmPassword, type TConfirmPassword } from '@/lib/auth/account-schema'
import type { TActionResult } from '@/lib/forms/action-result'
import { useActionForm } from '@/components/forms/use-action-form'
import { TextField } from '@/components/ui/text-field'
import { SubmitOrCancel } from './submit-or-cancel'
import { Alert } from '@/components/ui/alert'

type TPasswordConfirmFormProps<R extends object> = {
  submitLabel: string
  variant?: 'primary' | 'danger'
  action: (values: TConfirmPassword) => Promise<TActionResult<R>>
  onDone: (result: { ok: true } & R) => void
  onCancel: () => void
}

/** Asks for the password before a change to two-factor (the server checks it). */
export function PasswordConfirmForm<R extends object>({ submitLabel, variant = 'primary', action, onDone, onCancel }: TPasswordConfirmFormProps<R>) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZConfirmPassword),
    defaultValues: { password: '' },
    fields: ['password'],
    action,
    onResult: (result) => {
      if (!result.ok) return false
      onDone(result)
      return true
    },
  })
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Password" type="password" autoComplete="current-password" autoFocus error={errors.password?.message} {...form.register('password')} />
      <SubmitOrCancel submitLabel={submitLabel} variant={variant} isHydrated={isHydrated} isSubmitting={isSubmitting} onCancel={onCancel} />
    </form>
  )
}
