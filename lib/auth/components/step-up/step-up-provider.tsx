'use client'

import { createContext, useCallback, useContext, useRef, useState } from 'react'
import type { TActionFailure } from '@/lib/forms/action-result'
import { ConfirmItsYouDialog } from './confirm-its-you-dialog'

/** Runs a Server Action call; when it answers step-up-required, asks Confirm it's you and then makes the same call again. */
export type TWithStepUp = <R extends { ok: boolean }>(call: () => Promise<R>) => Promise<R | TActionFailure>

export const NOT_CONFIRMED = 'Nothing was changed: this change needs you to confirm it’s you.'

const StepUpContext = createContext<TWithStepUp | null>(null)

const isStepUpRequired = (result: unknown): result is TActionFailure =>
  typeof result === 'object' && result !== null && (result as TActionFailure).ok === false && (result as TActionFailure).code === 'step-up-required'

type TAsking = { isCodeRequired: boolean; answer: (isConfirmed: boolean) => void }

/**
 * The organization pages' one Confirm it's you dialog (step-up). A change the server refuses for want of a recent
 * sign-in opens it; once confirmed, the same call (the same values: nothing is typed again) is made once more.
 */
export function StepUpProvider({ children }: { children: React.ReactNode }) {
  const [asking, setAsking] = useState<TAsking | null>(null)
  const returnFocusTo = useRef<HTMLElement | null>(null)

  const withStepUp = useCallback<TWithStepUp>(async (call) => {
    const first = await call()
    if (!isStepUpRequired(first)) return first
    returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const isCodeRequired = first.stepUp?.isCodeRequired ?? false
    const isConfirmed = await new Promise<boolean>((answer) => setAsking({ isCodeRequired, answer }))
    if (!isConfirmed) return { ok: false, message: NOT_CONFIRMED }
    return call()
  }, [])

  const close = (isConfirmed: boolean) => {
    asking?.answer(isConfirmed)
    setAsking(null)
  }

  return (
    <StepUpContext value={withStepUp}>
      {children}
      {asking && (
        <ConfirmItsYouDialog
          isCodeRequired={asking.isCodeRequired}
          returnFocusTo={returnFocusTo}
          onConfirmed={() => close(true)}
          onCancel={() => close(false)}
        />
      )}
    </StepUpContext>
  )
}

/** The step-up wrapper for Server Action calls of the changes that need a recent sign-in (StepUpProvider). */
export function useStepUp(): TWithStepUp {
  const withStepUp = useContext(StepUpContext)
  if (!withStepUp) throw new Error('useStepUp needs a StepUpProvider (the organization layout has one)')
  return withStepUp
}
