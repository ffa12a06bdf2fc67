'use client'

import type { UseFormRegisterReturn } from 'react-hook-form'
import { TextField } from '@/components/ui/text-field'
import { EMAIL_PROVIDER_LABELS } from '@/lib/email-provider/labels'

type TPasswordFieldProps = {
  registration: UseFormRegisterReturn<'password'>
  error?: string
  hasSavedPassword: boolean
  isClearing: boolean
  onClearingChange: (isClearing: boolean) => void
}

/** Write-only: the saved password is never shown; blank keeps it, and an explicit control removes it. */
export function PasswordField({ registration, error, hasSavedPassword, isClearing, onClearingChange }: TPasswordFieldProps) {
  const hint = !hasSavedPassword ? (
    'Leave blank if your server does not need a password.'
  ) : isClearing ? (
    <span className="flex flex-wrap items-center gap-x-2">
      The saved password will be removed when you click Update.
      <button type="button" className="rounded font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => onClearingChange(false)}>
        Keep saved password
      </button>
    </span>
  ) : (
    <span className="flex flex-wrap items-center gap-x-2">
      A password is saved. Leave blank to keep it.
      <button type="button" className="rounded font-medium text-red-700 underline-offset-2 hover:underline" onClick={() => onClearingChange(true)}>
        Remove saved password
      </button>
    </span>
  )
  return (
    <TextField
      label={EMAIL_PROVIDER_LABELS.password}
      type="password"
      autoComplete="new-password"
      placeholder={hasSavedPassword && !isClearing ? '•••••••• (saved)' : undefined}
      disabled={isClearing}
      error={error}
      hint={hint}
      {...registration}
    />
  )
}
