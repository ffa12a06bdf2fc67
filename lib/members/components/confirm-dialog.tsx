'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Dialog } from '@/components/ui/dialog'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import type { TActionFailure } from '@/lib/forms/action-result'

type TConfirmDialogProps = {
  /** the trigger's visible text and its accessible name (which names the member) */
  triggerLabel: string
  triggerName: string
  title: string
  description: React.ReactNode
  confirmLabel: string
  isDanger?: boolean
  run: () => Promise<{ ok: true } | TActionFailure>
}

/** A confirmation that states the consequence; it cannot be dismissed while the change is being made. */
export function ConfirmDialog({ triggerLabel, triggerName, title, description, confirmLabel, isDanger = false, run }: TConfirmDialogProps) {
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
        <Button type="button" variant="ghost" aria-label={triggerName} className="h-8 px-2.5">
          {triggerLabel}
        </Button>
      }
    >
      {error && (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" disabled={isPending} onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button variant={isDanger ? 'danger' : 'primary'} isPending={isPending} onClick={confirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  )
}
