'use client'

import { useEffect, useRef, useState, useTransition } from 'react'
import type { TActionResult } from '@/lib/forms/action-result'
import { SUBMIT_FAILED } from '@/components/forms/use-action-form'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'

type TSentConfirmationProps = { children: React.ReactNode; resend: () => Promise<TActionResult>; onUseAnotherAddress: () => void }
type TResendOutcome = { ok: true } | { ok: false; message: string }

export const SENT_AGAIN = 'Sent again. It can take a minute to arrive; check your spam folder too.'

/** A form's "we emailed you" answer, focused when it appears: **Resend email** (same request, same limits) or **Use another address**. */
export function SentConfirmation({ children, resend, onUseAnotherAddress }: TSentConfirmationProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [outcome, setOutcome] = useState<TResendOutcome>()
  const [isPending, startTransition] = useTransition()
  useEffect(() => ref.current?.focus(), [])

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

  return (
    <div ref={ref} tabIndex={-1} className="flex flex-col gap-4 outline-none">
      <Alert tone="success">{children}</Alert>
      {outcome?.ok && <Alert>{SENT_AGAIN}</Alert>}
      {outcome && !outcome.ok && <Alert tone="error">{outcome.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" isPending={isPending} onClick={onResend}>
          Resend email
        </Button>
        <Button type="button" variant="ghost" onClick={onUseAnotherAddress}>
          Use another address
        </Button>
      </div>
    </div>
  )
}
