import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import type { TActionFailure } from '@/lib/forms/action-result'

/** Puts a Server Action's field errors on the form's fields and focuses the first one; returns the form-level message. */
export function applyActionFailure<T extends FieldValues>(form: UseFormReturn<T>, failure: TActionFailure, fieldOrder: readonly Path<T>[]) {
  const fieldErrors = failure.fieldErrors ?? {}
  const invalid = fieldOrder.filter((field) => fieldErrors[field])
  for (const field of invalid) form.setError(field, { type: 'server', message: fieldErrors[field] })
  if (invalid[0]) form.setFocus(invalid[0])
  const unplaced = Object.keys(fieldErrors).filter((field) => !fieldOrder.includes(field as Path<T>))
  return failure.message ?? (unplaced.length > 0 ? fieldErrors[unplaced[0]!] : undefined)
}
