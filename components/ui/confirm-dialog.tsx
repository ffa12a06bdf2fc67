'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Alert } from './alert'
import { Button } from './button'
import { Dialog } from './dialog'
import { DialogActions } from './dialog-actions'
import type { TActionFailure } from '@/lib/forms/action-result'

type TConfirmDialogProps = {
  /** the trigger's visible text and its accessible name (which names the member) */
  triggerLabel: string
  triggerName: string
  title: string
  description: React.ReactNode
  confirmLabel: string
  isDanger?: boolean
  /** how the trigger looks: a quiet row action (default), a secondary or a danger button */
  triggerVariant?: 'ghost' | 'secondary' | 'danger'
  /** a row action is compact (default); a card's own action is full size */
  triggerSize?: 'compact' | 'full'
  /** when set, a checkbox saying this must be ticked before the confirm button works (its state goes to `run`) */
  acknowledgement?: string
  run: (isAcknowledged: boolean) => Promise<{ ok: true } | TActionFailure>
}

/** A confirmation that states the consequence; it cannot be dismissed while the change is being made. */
export function ConfirmDialog({
  triggerLabel,
  triggerName,
  title,
  description,
  confirmLabel,
  isDanger = false,
  triggerVariant = 'ghost',
  triggerSize = 'compact',
  acknowledgement,
  run,
}: TConfirmDialogProps) {
  const router = useRouter()
  const [isOpen, setIsOpen] = useState(false)
  const [isAcknowledged, setIsAcknowledged] = useState(false)
  const [error, setError] = useState<string>()
  const [isPending, startTransition] = useTransition()

  const onOpenChange = (next: boolean) => {
    setIsOpen(next)
    if (!next) {
      setIsAcknowledged(false)
      setError(undefined)
    }
  }

  const confirm = () =>
    startTransition(async () => {
      const result = await run(isAcknowledged)
      // an action that redirects (Leave) navigates away instead of answering
      if (result && !result.ok) {
        setError(result.message)
        return
      }
      onOpenChange(false)
      router.refresh()
    })

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isLocked={isPending}
      title={title}
      description={description}
      trigger={
        <Button type="button" variant={triggerVariant} aria-label={triggerName} className={triggerSize === 'compact' ? 'h-8 px-2.5' : undefined}>
          {triggerLabel}
        </Button>
      }
    >
      {error && (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      )}
      {acknowledgement && (
        <label className="flex items-start gap-2.5 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={isAcknowledged}
            disabled={isPending}
            onChange={(event) => setIsAcknowledged(event.target.checked)}
            className="mt-0.5 size-4 rounded border-slate-300 accent-red-600"
          />
          <span>{acknowledgement}</span>
        </label>
      )}
      <DialogActions>
        <Button variant="secondary" disabled={isPending} onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button variant={isDanger ? 'danger' : 'primary'} disabled={Boolean(acknowledgement) && !isAcknowledged} isPending={isPending} onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
