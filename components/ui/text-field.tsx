import { controlClasses, Field, type TFieldProps } from './field'

type TTextFieldProps = React.ComponentProps<'input'> & TFieldProps

/** A labelled input whose hint and error are announced with it (aria-describedby, aria-invalid). */
export function TextField({ label, error, hint, id, className, ...inputProps }: TTextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => <input {...control} className={controlClasses(error, 'h-9')} {...inputProps} />}
    </Field>
  )
}
