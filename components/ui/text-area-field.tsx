import { controlClasses, Field, type TFieldProps } from './field'

type TTextAreaFieldProps = React.ComponentProps<'textarea'> & TFieldProps

/** A labelled multi-line input. */
export function TextAreaField({ label, error, hint, id, className, ...textAreaProps }: TTextAreaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => <textarea {...control} className={controlClasses(error, 'min-h-28 py-2 font-mono text-xs')} {...textAreaProps} />}
    </Field>
  )
}
