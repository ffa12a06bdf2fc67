'use client'

import { useState, useTransition } from 'react'
import type { TActionResult } from '@/lib/forms/action-result'
import { SUBMIT_FAILED } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'

type TResendOutcome = { ok: true } | { ok: false; message: string }

export const SENT_AGAIN = 'Sent again. It can take a minute to arrive; check your spam folder too.'

/** **Resend email**: sends the same request again (same limits) and says how that went. */
export function useResendEmail(resend: () => Promise<TActionResult>) {
  const [outcome, setOutcome] = useState<TResendOutcome>()
  const [isPending, startTransition] = useTransition()

  const onResend = () => {
    setOutcome(undefined)
    startTransition(async () => {
      try {
        const result = await resend()
        setOutcome(result.ok ? { ok: true } : { ok: false, message: result.message ?? SUBMIT_FAILED })
      } catch {
        setOutcome({ ok: false, message: SUBMIT_FAILED })
      }
    })
  }

  const outcomeAlert = outcome && (outcome.ok ? <Alert>{SENT_AGAIN}</Alert> : <Alert tone="error">{outcome.message}</Alert>)
  const button = (
    <Button type="button" variant="secondary" isPending={isPending} onClick={onResend}>
      Resend email
    </Button>
  )
  return { outcomeAlert, button }
}
