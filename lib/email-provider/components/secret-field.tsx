'use client'

import type { UseFormRegisterReturn } from 'react-hook-form'
import { TextField } from '@/components/ui/text-field'

type TSecretFieldProps = {
  label: string
  registration: UseFormRegisterReturn
  error?: string
  /** Whether this secret is saved (it is never shown: blank keeps it). */
  isSaved: boolean
  hint?: string
}

/** Write-only: the saved secret is never sent to the browser; blank keeps it, a new value replaces it. */
export function SecretField({ label, registration, error, isSaved, hint }: TSecretFieldProps) {
  // "A password is saved", "An API key is saved": acronyms keep their capitals
  const noun = /^[A-Z]{2}/.test(label) ? label : label.toLowerCase()
  const savedHint = `${/^[aeiou]/i.test(noun) ? 'An' : 'A'} ${noun} is saved. Leave blank to keep it.`
  return (
    <TextField
      label={label}
      type="password"
      autoComplete="new-password"
      spellCheck={false}
      placeholder={isSaved ? '•••••••• (saved)' : undefined}
      error={error}
      hint={error ? undefined : isSaved ? savedHint : hint}
      {...registration}
    />
  )
}
