import { controlClasses, Field, type TFieldProps } from './field'

type TSelectFieldProps = React.ComponentProps<'select'> & TFieldProps & { options: ReadonlyArray<{ value: string; label: string; disabled?: boolean }> }

/** A labelled native select (keyboard and screen readers work as everywhere else). */
export function SelectField({ label, error, hint, id, className, options, ...selectProps }: TSelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <select {...control} className={controlClasses(error, 'h-9 w-full min-w-0 pr-8')} {...selectProps}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
