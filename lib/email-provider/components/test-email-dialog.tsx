'use client'

import { useRef, useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Dialog } from '@/components/ui/dialog'
import { DialogActions } from '@/components/ui/dialog-actions'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { TextField } from '@/components/ui/text-field'
import type { TEmailProviderFormValues } from '@/lib/email-provider/schema'
import type { TTestEmailOutcome } from '@/lib/email-provider/types'
import type { TFieldErrors } from '@/lib/forms/action-result'
import { sendTestEmailAction } from '@/lib/email-provider/actions'
import { DiagnosticSteps } from './diagnostic-steps'

type TTestEmailDialogProps = {
  slug: string
  defaultRecipient: string
  /** Validates the form and returns its current values, or null when a field is invalid (errors then show there). */
  readSettings: () => Promise<TEmailProviderFormValues | null>
  /** Shows server-side field errors on the form's own fields. */
  onFieldErrors: (fieldErrors: TFieldErrors) => void
  /** Told every outcome with the settings it was sent with (the form warns when it saves settings that just failed). */
  onOutcome?: (outcome: TTestEmailOutcome, settings: TEmailProviderFormValues) => void
  isDisabled?: boolean
  /** Opened by the form as well (Update's "Send a test email first?"): then the form holds the open state. */
  isOpen?: boolean
  onOpenChange?: (isOpen: boolean) => void
}

/** Sends one email with the values in the form (unsaved) and shows how the SMTP conversation went. */
export function TestEmailDialog({ slug, defaultRecipient, readSettings, onFieldErrors, onOutcome, isDisabled, ...open }: TTestEmailDialogProps) {
  const [isOwnOpen, setIsOwnOpen] = useState(false)
  const isOpen = open.isOpen ?? isOwnOpen
  const setIsOpen = open.onOpenChange ?? setIsOwnOpen
  const [recipient, setRecipient] = useState(defaultRecipient)
  const [recipientError, setRecipientError] = useState<string>()
  const [outcome, setOutcome] = useState<TTestEmailOutcome>()
  const [isPending, startTransition] = useTransition()
  const router = useRouter()
  const focusOnClose = useRef<HTMLElement | null>(null)

  const openChange = (next: boolean) => {
    if (next) focusOnClose.current = null
    setIsOpen(next)
  }

  // the dialog closes and the Sender domain card, scrolled into view, takes the focus instead of the trigger
  const openSenderDomain = () => {
    const heading = document.getElementById('sender-domain')
    heading?.setAttribute('tabindex', '-1')
    focusOnClose.current = heading
    setIsOpen(false)
  }

  const send = () =>
    startTransition(async () => {
      setOutcome(undefined)
      const { ZTestEmailRequest } = await import('@/lib/email-provider/schema')
      const checked = ZTestEmailRequest.shape.recipient.safeParse(recipient)
      setRecipientError(checked.success ? undefined : checked.error.issues[0]?.message)
      const settings = await readSettings()
      if (!settings) {
        setOutcome({ ok: false, message: 'Fix the highlighted fields in the form first.' })
        return
      }
      if (!checked.success) return
      const result = await sendTestEmailAction(slug, { settings, recipient: checked.data })
      setOutcome(result)
      onOutcome?.(result, settings)
      router.refresh() // the attempt is now in Recent changes
      if (!result.ok && result.fieldErrors) {
        const { recipient: recipientMessage, ...formErrors } = result.fieldErrors
        setRecipientError(recipientMessage)
        onFieldErrors(formErrors)
      }
    })

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={openChange}
      focusOnClose={focusOnClose}
      isLocked={isPending}
      title="Send test email"
      description="Sends one email with the settings currently in the form, without saving them."
      trigger={
        <Button type="button" variant="secondary" disabled={isDisabled}>
          Send test email
        </Button>
      }
    >
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          // rendered in a portal, but React events still bubble to the settings form: keep this submit to ourselves
          event.preventDefault()
          event.stopPropagation()
          send()
        }}
      >
        <TextField label="Recipient" type="email" value={recipient} error={recipientError} onChange={(event) => setRecipient(event.target.value)} />
        {outcome?.ok && (
          <Alert tone="success">
            <p className="font-medium">Test email sent to {outcome.recipient}</p>
            <p className="mt-0.5">
              Server replied <span className="font-mono text-[13px]">{outcome.reply}</span> in {(outcome.durationMs / 1000).toFixed(2)} s.
            </p>
          </Alert>
        )}
        {outcome && !outcome.ok && (
          <Alert tone="error">
            <p className="font-medium">{outcome.message}</p>
            {outcome.hint && !outcome.steps?.some((step) => step.hint === outcome.hint) && <p className="mt-0.5">{outcome.hint}</p>}
          </Alert>
        )}
        {outcome?.steps && outcome.steps.length > 0 && <DiagnosticSteps steps={outcome.steps} onOpenSenderDomain={openSenderDomain} />}
        <DialogActions>
          <Button type="button" variant="secondary" disabled={isPending} onClick={() => setIsOpen(false)}>
            Close
          </Button>
          <Button type="submit" isPending={isPending}>
            Send
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
