'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useActionForm } from '@/components/forms/use-action-form'
import { NewPasswordField } from '@/components/forms/new-password-field'
import { TextField } from '@/components/ui/text-field'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { acceptWithPasswordAction } from '@/lib/members/actions'
import { ZAcceptWithPassword } from '@/lib/members/schema'

/** Accept invitation without an account: the address is the invitation's (shown, fixed); the Password creates the account. */
export function AcceptWithPasswordForm({ token, email }: { token: string; email: string }) {
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZAcceptWithPassword),
    defaultValues: { password: '' },
    fields: ['password'],
    action: (values) => acceptWithPasswordAction(token, values),
  })
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Email" type="email" value={email} readOnly autoComplete="username" hint="The address this invitation was sent to." />
      <NewPasswordField error={errors.password?.message} registration={form.register('password')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="mt-2 w-full">
        Accept invitation
      </Button>
    </form>
  )
}
