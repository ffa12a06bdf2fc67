'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Dialog } from '@/components/ui/dialog'
import { DialogActions } from '@/components/ui/dialog-actions'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { revertEmailProviderAction } from '@/lib/email-provider/actions'

type TRevertDialogProps = { slug: string; version: number; hostLabel: string }

/** Danger Zone confirmation: says what Revert deletes; Confirm stays disabled until the box is ticked. */
export function RevertDialog({ slug, version, hostLabel }: TRevertDialogProps) {
  const router = useRouter()
  const [isOpen, setIsOpen] = useState(false)
  const [isConfirmed, setIsConfirmed] = useState(false)
  const [error, setError] = useState<string>()
  const [isPending, startTransition] = useTransition()

  const onOpenChange = (next: boolean) => {
    setIsOpen(next)
    if (!next) {
      setIsConfirmed(false)
      setError(undefined)
    }
  }

  const confirm = () =>
    startTransition(async () => {
      const result = await revertEmailProviderAction(slug, { confirmed: isConfirmed, version })
      if (!result.ok) {
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
      title="Revert to the default provider?"
      trigger={<Button variant="danger">Revert</Button>}
      description={
        <>
          <p>
            Your organization’s emails will go back to being sent by the platform’s default provider. The custom settings for{' '}
            <span className="font-medium text-slate-900">{hostLabel}</span>, including any saved password or secret, will be deleted.
          </p>
          <p className="mt-2">This cannot be undone: to use your own server again you will have to enter its settings again.</p>
        </>
      }
    >
      {error && (
        <Alert tone="error" className="mb-4">
          {error}
        </Alert>
      )}
      <label className="flex items-start gap-2.5 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={isConfirmed}
          disabled={isPending}
          onChange={(event) => setIsConfirmed(event.target.checked)}
          className="mt-0.5 size-4 rounded border-slate-300 accent-red-600"
        />
        <span>I understand that the custom email provider settings will be deleted.</span>
      </label>
      <DialogActions>
        <Button variant="secondary" disabled={isPending} onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button variant="danger" disabled={!isConfirmed} isPending={isPending} onClick={confirm}>
          Confirm
        </Button>
      </DialogActions>
    </Dialog>
  )
}
