'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Dialog } from '@/components/ui/dialog'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { revokeApiKeyAction } from '@/lib/api-keys/actions'

/** Revoke confirmation: says that callers using the key stop working at once. */
export function RevokeApiKeyDialog({ slug, id, name }: { slug: string; id: string; name: string }) {
  const router = useRouter()
  const [isOpen, setIsOpen] = useState(false)
  const [error, setError] = useState<string>()
  const [isPending, startTransition] = useTransition()

  const onOpenChange = (next: boolean) => {
    setIsOpen(next)
    if (!next) setError(undefined)
  }

  const revoke = () =>
    startTransition(async () => {
      const result = await revokeApiKeyAction(slug, { id })
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
      title={`Revoke the API key ${name}?`}
      description="Every request with this key is refused from now on (401). This cannot be undone: create a new key to give access again."
      trigger={
        <Button variant="secondary" className="h-8 px-2.5 text-xs" aria-label={`Revoke ${name}`}>
          Revoke
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
        <Button variant="danger" isPending={isPending} onClick={revoke}>
          Revoke
        </Button>
      </div>
    </Dialog>
  )
}
