import type { UseFormRegisterReturn } from 'react-hook-form'
import { TextField } from '@/components/ui/text-field'

type TNewPasswordFieldProps = { label?: string; error?: string; registration: UseFormRegisterReturn }

/** A password being chosen (sign-up, reset): the shared rule stated under it, and the browser may suggest one. */
export function NewPasswordField({ label = 'Password', error, registration }: TNewPasswordFieldProps) {
  return <TextField label={label} type="password" autoComplete="new-password" hint="At least 10 characters." error={error} {...registration} />
}
