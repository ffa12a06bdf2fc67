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
  run: () => Promise<{ ok: true } | TActionFailure>
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
  run,
}: TConfirmDialogProps) {
  const router = useRouter()
  const [isOpen, setIsOpen] = useState(false)
  const [error, setError] = useState<string>()
  const [isPending, startTransition] = useTransition()

  const onOpenChange = (next: boolean) => {
    setIsOpen(next)
    if (!next) setError(undefined)
  }

  const confirm = () =>
    startTransition(async () => {
      const result = await run()
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
        <Button type="button" variant={triggerVariant} aria-label={triggerName} className="h-8 px-2.5">
          {triggerLabel}
        </Button>
      }
    >
      {error && (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      )}
      <DialogActions>
        <Button variant="secondary" disabled={isPending} onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button variant={isDanger ? 'danger' : 'primary'} isPending={isPending} onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
