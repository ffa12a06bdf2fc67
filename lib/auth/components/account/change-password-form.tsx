'use client'

import { useState } from 'react'
import { zodResolver } from '@hookform/resolvers/zod'
import { ZChangePassword } from '@/lib/auth/account-schema'
import { changePasswordAction } from '@/lib/auth/actions/account-security'
import { useActionForm } from '@/components/forms/use-action-form'
import { NewPasswordField } from '@/components/forms/new-password-field'
import { TextField } from '@/components/ui/text-field'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'

/** Change password: the current one, a new one; every other session is signed out. */
export function ChangePasswordForm({ wasChanged = false }: { wasChanged?: boolean }) {
  const [isChanged, setIsChanged] = useState(wasChanged)
  const { form, errors, isSubmitting, isHydrated, message, onSubmit } = useActionForm({
    resolver: zodResolver(ZChangePassword),
    defaultValues: { currentPassword: '', newPassword: '' },
    fields: ['currentPassword', 'newPassword'],
    action: (values) => {
      setIsChanged(false)
      return changePasswordAction(values)
    },
    onResult: (result) => {
      if (!result.ok) return false
      form.reset()
      setIsChanged(true)
      return true
    },
  })
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {message && <Alert tone="error">{message}</Alert>}
      {isChanged && <Alert tone="success">Your password has been changed. Your other sessions were signed out.</Alert>}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <NewPasswordField label="New password" error={errors.newPassword?.message} registration={form.register('newPassword')} />
      <Button type="submit" disabled={!isHydrated} isPending={isSubmitting} className="self-start">
        Change password
      </Button>
    </form>
  )
}
