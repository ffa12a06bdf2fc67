'use client'

import { useState } from 'react'
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form'
import { INVALID_INPUT, isBusyMessage, type TActionFailure } from '@/lib/forms/action-result'
import { applyActionFailure } from './apply-action-failure'
import { useIsHydrated } from './use-is-hydrated'

export const SUBMIT_FAILED = 'We could not send your request. Please try again in a moment.'

type TResult = { ok: true } | TActionFailure | void

type TActionFormOptions<T extends FieldValues, R extends TResult> = {
  resolver: Resolver<T>
  defaultValues: DefaultValues<T>
  /** the form's fields in display order: server errors land on them, the first gets focus */
  fields: readonly Path<T>[]
  action: (values: T) => Promise<R>
  /** sees every result first; returning true means it was handled (e.g. a success screen) */
  onResult?: (result: R, values: T) => boolean | void
}

// Next signals a redirect from a Server Action by throwing this; it must reach the router.
const isRedirect = (error: unknown) =>
  typeof (error as { digest?: unknown })?.digest === 'string' && (error as { digest: string }).digest.startsWith('NEXT_REDIRECT')

/** A react-hook-form form posting to a Server Action: client validation, server field errors, one form-level message. */
export function useActionForm<T extends FieldValues, R extends TResult>({ resolver, defaultValues, fields, action, onResult }: TActionFormOptions<T, R>) {
  // focus follows `fields` (display order), not the order components happened to register their inputs in
  const form = useForm<T>({ resolver, defaultValues, shouldFocusError: false })
  const [message, setMessage] = useState<string>()
  const isHydrated = useIsHydrated()

  const onSubmit = form.handleSubmit(
    async (values) => {
      setMessage(undefined)
      try {
        const result = await action(values)
        if (onResult?.(result, values)) return
        if (result && !result.ok) setMessage(applyActionFailure(form, result, fields))
      } catch (error) {
        if (isRedirect(error)) throw error
        // a 503 refusal in proxy.ts reaches us as an Error carrying its plain-text body
        setMessage(error instanceof Error && isBusyMessage(error.message) ? error.message : SUBMIT_FAILED)
      }
    },
    (errors) => {
      const first = fields.find((field) => errors[field])
      if (first) form.setFocus(first)
      // the same summary whichever side found the mistakes
      setMessage(INVALID_INPUT)
    },
  )

  return { form, errors: form.formState.errors, isSubmitting: form.formState.isSubmitting, isHydrated, message, setMessage, onSubmit }
}
