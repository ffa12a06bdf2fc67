'use client'

import { useEffect, useRef } from 'react'
import type { TActionResult } from '@/lib/forms/action-result'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { useResendEmail } from './resend-email'
type TSentConfirmationProps = { children: React.ReactNode; resend: () => Promise<TActionResult>; onUseAnotherAddress: () => void }

/** A form's "we emailed you" answer, focused when it appears: **Resend email** (same request, same limits) or **Use another address**. */
export function SentConfirmation({ children, resend, onUseAnotherAddress }: TSentConfirmationProps) {
  const ref = useRef<HTMLDivElement>(null)
  const { outcomeAlert, button } = useResendEmail(resend)
  useEffect(() => ref.current?.focus(), [])

  return (
    <div ref={ref} tabIndex={-1} className="flex flex-col gap-4 outline-none">
      <Alert tone="success">{children}</Alert>
      {outcomeAlert}
      <div className="flex flex-wrap gap-2">
        {button}
        <Button type="button" variant="ghost" onClick={onUseAnotherAddress}>
          Use another address
        </Button>
      </div>
    </div>
  )
}
