'use client'

import { useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Button } from '@/components/ui/button'
import { retryDeliveryNowAction } from '@/lib/delivery/actions'

/** Retry now on a retrying or held delivery (owners and admins): due at once, then the list reloads. */
export function RetryNowButton({ slug, delivery }: { slug: string; delivery: { id: string; toAddress: string } }) {
  const router = useRouter()
  const [error, setError] = useState<string>()
  const [isPending, startTransition] = useTransition()
  const retry = () =>
    startTransition(async () => {
      const result = await retryDeliveryNowAction(slug, delivery.id)
      setError(result.ok ? undefined : (result.message ?? 'Could not retry this email.'))
      router.refresh()
    })
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="secondary"
        className="h-7 px-2 text-xs"
        aria-label={`Retry now the email to ${delivery.toAddress}`}
        isPending={isPending}
        onClick={retry}
      >
        Retry now
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  )
}
