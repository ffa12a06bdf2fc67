import { useId } from 'react'
import { cn } from './cn'

export type TFieldProps = { label: string; error?: string; hint?: React.ReactNode; id?: string; className?: string }

/** What the control inside a Field must carry so its hint and error are announced with it. */
export type TControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

/** The classes every control shares: border, focus ring, disabled and invalid states. */
export function controlClasses(error: string | undefined, extra?: string) {
  return cn(
    'rounded-md border bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400',
    'focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600/30',
    'disabled:bg-slate-50 disabled:text-slate-500',
    error ? 'border-red-500' : 'border-slate-300',
    extra,
  )
}

/** A label, a control, and its error and hint, tied together with aria-describedby and aria-invalid. */
export function Field({ label, error, hint, id, className, children }: TFieldProps & { children: (control: TControlProps) => React.ReactNode }) {
  const generatedId = useId()
  const controlId = id ?? generatedId
  const hintId = hint ? `${controlId}-hint` : undefined
  const errorId = error ? `${controlId}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={cn('flex min-w-0 flex-col gap-1.5', className)}>
      <label htmlFor={controlId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  )
}
